import AdPlatformKit
import Foundation
import Trafficking

/// Writes variations of a creative from a brief. The default is ``TemplateCreativeGenerator``: deterministic and
/// offline. A generator backed by a language model can conform too; whatever it writes must still pass each
/// platform's validation (``CreativeCheck``) before it is returned.
public protocol CreativeGenerator: Sendable {
    /// `count` variations of the brief, each with one creative per platform that passes that platform's rules.
    func variations(
        of brief: CreativeBrief, count: Int, for platforms: [PlatformCapabilities]
    ) async throws -> [CreativeVariation]
}
