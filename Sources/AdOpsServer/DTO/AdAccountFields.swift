import Foundation

/// What the create and update bodies of an ad account share: their JSON keys and the rules on the fields both take.
enum AdAccountFields {
    /// The JSON keys of an ad account body.
    enum Key: String, CodingKey {
        case platform
        case platformAccountID = "platform_account_id"
        case name, currency, status
        case ownerTeam = "owner_team"
        case settings, credentials
    }

    /// An empty (or blank) platform account id or name, where given; `nil` means not given.
    static func blankViolations(platformAccountID: String?, name: String?) -> [ProblemViolation] {
        [("platform_account_id", platformAccountID), ("name", name)].compactMap { field, value in
            guard let value, value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return ProblemViolation(field: field, rule: "required", message: "may not be empty")
        }
    }
}
