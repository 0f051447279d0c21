/// A platform whose targeting (countries, age range, genders) can be read and changed after launch.
///
/// Which fields each level holds is data: ``LifecycleCapabilities/Level/targetingFields`` (Google keeps
/// countries on the campaign, ages and genders on the ad group; the others keep all three on the ad group).
public protocol TargetingChanging: AdPlatform {
    /// The entity's targeting as the platform holds it now: countries, age range (`nil` for every age) and genders
    /// (empty for everyone). Fields the level does not hold are read from where the platform keeps them for it
    /// (a Google ad group's countries from its campaign); interests and keywords are left empty.
    func targeting(of entity: PlatformEntity, in account: AccountContext) async throws -> Targeting

    /// Changes the fields the change gives and keeps the rest, including targeting this library does not model.
    func changeTargeting(_ change: TargetingChange, of entity: PlatformEntity, in account: AccountContext) async throws
}
