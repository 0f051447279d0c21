import AdPlatformKit
import Foundation
import GRDB

/// A row of `lifecycle_actions`: an action, its lease and its outcome. Its steps are rows of `action_steps`.
struct LifecycleActionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "lifecycle_actions"

    var id: String
    var campaignID: String
    var accountID: String
    var platform: String
    var kind: String
    var valueJSON: String?
    var level: String
    var targetsJSON: String
    var requestedBy: String
    var status: String
    var errorMessage: String?
    var errorCode: String?
    var platformErrorCode: String?
    var errorStep: String?
    var errorField: String?
    var attempts: Int
    var takeovers: Int
    var leaseOwner: String?
    var leaseExpiresAt: Date?
    var notBefore: Date?
    var createdAt: Date
    var updatedAt: Date
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case campaignID = "campaign_id"
        case accountID = "account_id"
        case platform
        case kind
        case valueJSON = "value_json"
        case level
        case targetsJSON = "targets_json"
        case requestedBy = "requested_by"
        case status
        case errorMessage = "error_message"
        case errorCode = "error_code"
        case platformErrorCode = "platform_error_code"
        case errorStep = "error_step"
        case errorField = "error_field"
        case attempts
        case takeovers
        case leaseOwner = "lease_owner"
        case leaseExpiresAt = "lease_expires_at"
        case notBefore = "not_before"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a new PENDING action on a campaign.
    init(_ action: NewLifecycleAction, campaign: CampaignRow, at now: Date) throws {
        id = action.id.databaseKey
        campaignID = campaign.id
        accountID = campaign.accountID
        platform = campaign.platform
        kind = action.kind.name
        valueJSON = try Self.valueJSON(of: action.kind)
        level = action.level.rawValue
        targetsJSON = try StoreJSON.encode(action.targets)
        requestedBy = action.requestedBy
        status = ActionStatus.pending.rawValue
        attempts = 0
        takeovers = 0
        createdAt = now
        updatedAt = now
    }

    /// The JSON of the value a kind carries, `nil` for kinds without one.
    static func valueJSON(of kind: ActionKind) throws -> String? {
        switch kind {
        case .budget(let budget): try StoreJSON.encode(budget)
        case .bid(let bid): try StoreJSON.encode(bid)
        case .targeting(let change): try StoreJSON.encode(change)
        case .activate, .pause, .resume, .archive: nil
        }
    }

    /// The kind's value from `value_json`, or ``StoreError`` `corrupt` when it is missing or unreadable.
    private func value<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let table = Self.databaseTableName
        guard let valueJSON else {
            throw StoreError.corrupt(table: table, row: id, column: "value_json", "is empty for a \(kind) action")
        }
        return try StoreJSON.decode(type, from: valueJSON, table: table, row: id, column: "value_json")
    }

    /// The error columns for `error` (`nil` clears them).
    static func errorAssignments(_ error: JobError?) -> [ColumnAssignment] {
        [
            Columns.errorMessage.set(to: error?.message),
            Columns.errorCode.set(to: error?.code),
            Columns.platformErrorCode.set(to: error?.platformCode),
            Columns.errorStep.set(to: error?.step),
            Columns.errorField.set(to: error?.fieldPath),
        ]
    }

    /// The public value with `steps`, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func action(steps: [ActionStep]) throws -> LifecycleAction {
        let table = Self.databaseTableName
        guard let actionStatus = ActionStatus(rawValue: status) else {
            throw StoreError.corrupt(table: table, row: id, column: "status", "holds unknown status '\(status)'")
        }
        guard let actionLevel = ActionLevel(rawValue: level) else {
            throw StoreError.corrupt(table: table, row: id, column: "level", "holds unknown level '\(level)'")
        }
        let actionKind: ActionKind
        switch kind {
        case "budget": actionKind = .budget(try value(Budget.self))
        case "bid": actionKind = .bid(try value(BidStrategy.self))
        case "targeting": actionKind = .targeting(try value(TargetingChange.self))
        default:
            guard let named = ActionKind.named(kind) else {
                throw StoreError.corrupt(table: table, row: id, column: "kind", "holds unknown kind '\(kind)'")
            }
            actionKind = named
        }
        return LifecycleAction(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            campaignID: try UUID.stored(campaignID, table: table, row: id, column: "campaign_id"),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            platform: PlatformID(rawValue: platform), kind: actionKind, level: actionLevel,
            targets: try StoreJSON.decode(
                [String].self, from: targetsJSON, table: table, row: id, column: "targets_json"),
            requestedBy: requestedBy, status: actionStatus,
            error: errorMessage.map { message in
                JobError(
                    message: message, code: errorCode ?? "unknown", platformCode: platformErrorCode, step: errorStep,
                    fieldPath: errorField)
            },
            steps: steps, attempts: attempts, takeovers: takeovers, leaseOwner: leaseOwner,
            leaseExpiresAt: leaseExpiresAt, notBefore: notBefore, createdAt: createdAt, updatedAt: updatedAt,
            finishedAt: finishedAt)
    }
}
