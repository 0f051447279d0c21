import AdPlatformKit
import Foundation

/// Runs one claimed lifecycle action to its end: each planned step in order, through the platform module's
/// ``StatusChanging``, ``BudgetChanging``, ``BidChanging``, ``TargetingChanging`` or ``Archiving`` ability, with the
/// engine's retry rules (``PlatformCallPolicy``).
///
/// Exactly once on the platform, after a crash at any point: status, budget and bid sets are absolute, and a
/// targeting change sets the fields it gives, so sending one again leaves the platform as one send did. Each step
/// records its old value before its call (`started`) and is recorded `done` as soon as the platform confirms it, so a
/// resumed action skips done steps, keeps the old values it read before the crash, and, for a status (or an
/// archive) the platform already shows, records the step done without sending it again.
struct ActionRunner: Sendable {
    let store: any TraffickingStore
    /// The platform modules, each action's through its own pipeline.
    let pipeline: EnginePipeline
    let configuration: WorkerConfiguration
    /// Refreshes tokens before calls and after an expired one.
    let tokens: TokenRefresher

    /// What the worker does with the action afterwards.
    enum Result: Sendable, Equatable {
        /// End it.
        case finish(ActionOutcome)
        /// Give it back to the queue, due after the requeue delay.
        case requeue(JobError)
        /// Give it back to the queue, due at once, to wait there, unclaimed, while its account is REQUIRES_REAUTH.
        case wait(JobError)
    }

    /// Runs the action; returns what to do with it and the records not yet written, which the worker writes with
    /// the action's end. Throws only for store failures, a lost lease and cancellation, which leave the action to
    /// be resumed by the next claim.
    func run(_ action: LifecycleAction, owner: String) async throws -> (Result, ActionRunRecords) {
        let run = ActionRun(action: action, clock: store.clock)
        do {
            let (platform, context, name) = try await prepare(action)
            let module = pipeline.platform(platform, account: context.accountID, calls: run.calls)
            try await checkNotArchived(action)
            if action.takeovers > configuration.maximumTakeovers {
                throw StepFailure.permanent(
                    JobError(
                        message: "the action was taken over \(action.takeovers) times from workers that stopped "
                            + "before finishing it; giving up. Its done changes are kept; ask again to finish it",
                        code: "abandoned"))
            }
            let account = LiveAccount(context, name: name)
            let policy = PlatformCallPolicy(
                store: store, configuration: configuration, accountID: action.accountID, accountName: name,
                tokens: tokens, log: { level, event, message in run.log(level, event, message) })
            for step in action.steps where step.state != .done {
                try await change(step, module: module, account: account, policy: policy, run: run, owner: owner)
            }
            let count = action.steps.count
            run.log(.info, "done", "\(count) \(count == 1 ? "entity has" : "entities have") the new value")
            return (.finish(.done), run.takeRecords())
        } catch let failure as StepFailure {
            switch failure {
            case .awaitingReauthorisation(let error):
                run.log(.warning, "waiting", error.message)
                return (.wait(error), run.takeRecords())
            // Claims from the queue only: takeovers follow crashes, not the platform's errors.
            case .exhausted(let error) where action.attempts - action.takeovers < configuration.maximumClaims:
                run.log(.warning, "requeued", "retries ran out (\(error)); the action goes back to the queue")
                return (.requeue(error), run.takeRecords())
            case .exhausted(let error), .permanent(let error):
                run.log(.error, "failed", error.description)
                return (.finish(.failed(error)), run.takeRecords())
            }
        }
    }

    /// The platform, the account context and its name; an action that cannot run at all fails permanently, and
    /// one whose account is REQUIRES_REAUTH waits.
    private func prepare(_ action: LifecycleAction) async throws -> (RegisteredPlatform, AccountContext, String) {
        guard let platform = pipeline.registry[action.platform] else {
            throw StepFailure.permanent(
                JobError(message: "no platform module is registered for '\(action.platform)'", code: "unsupported"))
        }
        guard let account = try await store.account(action.accountID) else {
            throw StepFailure.permanent(
                JobError(message: "ad account \(action.accountID) was deleted", code: "accountNotFound"))
        }
        if account.status == .requiresReauth {
            throw StepFailure.awaitingReauthorisation(
                JobError.awaitingReauthorisation(account: action.accountID, name: account.name, because: nil, step: nil)
            )
        }
        guard account.status == .active else {
            throw StepFailure.permanent(
                JobError(
                    message: "ad account \(account.name) is \(account.status.rawValue); only ACTIVE accounts run "
                        + "actions",
                    code: "accountUnavailable"))
        }
        guard let credentials = try await store.credentials(ofAccount: action.accountID) else {
            throw StepFailure.permanent(
                JobError(message: "ad account \(action.accountID) has no credentials", code: "authInvalid"))
        }
        return (platform, account.context(credentials: credentials), account.name)
    }

    /// An action other than the archive itself fails on a campaign archived since it was asked: it would reach
    /// entities that can never change again.
    private func checkNotArchived(_ action: LifecycleAction) async throws {
        guard action.kind != .archive, try await store.campaign(action.campaignID)?.status == .archived else { return }
        throw StepFailure.permanent(
            JobError(
                message: "campaign \(action.campaignID.uuidString) was archived before this action ran: an archived "
                    + "campaign takes no further action",
                code: "archived"))
    }

    /// Changes one entity: reads its old value where it can, records the step started, makes the change, and
    /// records it done with the platform's answer.
    private func change(
        _ step: ActionStep, module: any AdPlatform, account: LiveAccount, policy: PlatformCallPolicy, run: ActionRun,
        owner: String
    ) async throws {
        let action = run.action
        let entity = step.entity(on: action.platform)
        let key = "\(step.level)/\(step.platformID)"
        let reader = module as? any EntityReading
        var oldValue = step.oldValue
        var source = step.oldValueSource
        if step.state == .started {
            // A previous run recorded the old value, then may have sent the change before it stopped. A status or
            // a budget the platform already shows is not sent again.
            if let reader, step.newValue.deliveryStatus != nil || step.newValue.budget != nil {
                let current = try await policy.call(step: key, account: account, module: module) {
                    try await reader.readEntity(entity.kind, id: entity.id, in: account.current)
                }
                let made =
                    step.newValue.deliveryStatus.map { current.status == $0 }
                    ?? step.newValue.budget.map { current.budget == $0 } ?? false
                if made {
                    run.log(
                        .warning, "recovered",
                        "\(key) already shows \(step.newValue) on \(action.platform): the change was made before "
                            + "the last run stopped; not sending it again")
                    try await complete(
                        step, response: "already \(step.newValue) on the platform", run: run, owner: owner)
                    return
                }
            }
            run.log(
                .warning, "resumed",
                "\(key) may have been changed before the last run stopped; sending the absolute value again")
        } else {
            // The old value from the platform where the module reads it; budgets are not among what
            // `EntityReading` returns generically, so theirs come from our records.
            if let read = try await platformValue(
                for: step.newValue, of: entity, module: module, account: account, policy: policy, key: key)
            {
                oldValue = read
                source = .platform
            }
            guard
                try await store.startActionStep(
                    action.id, owner: owner, position: step.position, oldValue: oldValue, source: source,
                    records: run.takeRecords())
            else { throw LeaseLost() }
        }
        try await policy.call(step: key, account: account, module: module) {
            try await set(step.newValue, of: entity, module: module, account: account)
        }
        let calls = run.drainCalls()
        let response = calls.last.map { call in
            "HTTP \(call.status.map(String.init) ?? "-"): \(call.responseSummary)"
        }
        var done = step
        done.oldValue = oldValue
        done.oldValueSource = source
        run.log(
            .info, "changed",
            "\(done.summary) (old value from \(source?.rawValue ?? "nowhere: unknown")); \(action.platform) answered "
                + (response ?? "nothing recorded"))
        guard
            try await store.completeActionStep(
                action.id, owner: owner, position: step.position, response: response,
                records: ActionRunRecords(calls: calls, log: run.drainLog()))
        else { throw LeaseLost() }
    }

    /// The value the field holds on the platform now, through the ability that reads it; `nil` where the module
    /// cannot read it. A targeting value holds only the fields the change sets, an age range of every age as the
    /// platform's widest.
    private func platformValue(
        for newValue: ActionValue, of entity: PlatformEntity, module: any AdPlatform, account: LiveAccount,
        policy: PlatformCallPolicy, key: String
    ) async throws -> ActionValue? {
        switch newValue {
        case .status, .archived:
            guard let reader = module as? any EntityReading else { return nil }
            let current = try await policy.call(step: key, account: account, module: module) {
                try await reader.readEntity(entity.kind, id: entity.id, in: account.current)
            }
            return current.status.map(ActionValue.status)
        case .bid:
            guard let bids = module as? any BidChanging else { return nil }
            return .bid(
                try await policy.call(step: key, account: account, module: module) {
                    try await bids.bid(of: entity, in: account.current)
                })
        case .targeting(let change):
            guard let targeting = module as? any TargetingChanging else { return nil }
            let current = try await policy.call(step: key, account: account, module: module) {
                try await targeting.targeting(of: entity, in: account.current)
            }
            return .targeting(
                TargetingChange(
                    countries: change.countries == nil ? nil : current.countries,
                    ageRange: change.ageRange == nil
                        ? nil : (current.ageRange ?? module.capabilities.lifecycle.ageLimits),
                    genders: change.genders == nil ? nil : current.genders))
        case .budget:
            return nil
        }
    }

    /// Records a step done without a platform call.
    private func complete(_ step: ActionStep, response: String, run: ActionRun, owner: String) async throws {
        guard
            try await store.completeActionStep(
                run.action.id, owner: owner, position: step.position, response: response, records: run.takeRecords())
        else { throw LeaseLost() }
    }

    /// The platform call that sets the value, through the ability the value needs.
    private func set(
        _ value: ActionValue, of entity: PlatformEntity, module: any AdPlatform, account: LiveAccount
    ) async throws {
        switch value {
        case .status(let status):
            guard let changer = module as? any StatusChanging else {
                throw StepFailure.permanent(
                    JobError(
                        message: "\(module.capabilities.displayName) cannot change statuses (StatusChanging)",
                        code: "unsupported"))
            }
            try await changer.setStatus(status, of: entity, in: account.current)
        case .budget(let budget):
            guard let changer = module as? any BudgetChanging else {
                throw StepFailure.permanent(
                    JobError(
                        message: "\(module.capabilities.displayName) cannot change budgets (BudgetChanging)",
                        code: "unsupported"))
            }
            try await changer.setBudget(budget, of: entity, in: account.current)
        case .bid(let bid):
            guard let changer = module as? any BidChanging else {
                throw StepFailure.permanent(
                    JobError(
                        message: "\(module.capabilities.displayName) cannot change bids (BidChanging)",
                        code: "unsupported"))
            }
            try await changer.setBid(bid, of: entity, in: account.current)
        case .targeting(let change):
            guard let changer = module as? any TargetingChanging else {
                throw StepFailure.permanent(
                    JobError(
                        message: "\(module.capabilities.displayName) cannot change targeting (TargetingChanging)",
                        code: "unsupported"))
            }
            try await changer.changeTargeting(change, of: entity, in: account.current)
        case .archived:
            guard let archiver = module as? any Archiving else {
                throw StepFailure.permanent(
                    JobError(
                        message: "\(module.capabilities.displayName) cannot archive (Archiving)", code: "unsupported"))
            }
            try await archiver.archive(entity, in: account.current)
        }
    }
}
