import AdPlatformKit
import Foundation

/// Runs one claimed job to its end: walks the plan — campaign, ad groups, media, ads — through the job's platform
/// module, with each step recorded in the ledger before and after its call.
///
/// A step found `started` (a previous run died between the call and its record) is first looked up on the platform
/// by its idempotency marker, and created only if absent; that is what keeps a crash from creating an entity twice.
struct JobLauncher: Sendable {
    let store: any TraffickingStore
    /// The platform modules, each job's through its own pipeline.
    let pipeline: EnginePipeline
    let configuration: WorkerConfiguration
    /// Refreshes tokens before calls and after an expired one.
    let tokens: TokenRefresher
    let media: MediaFetcher

    /// What the worker does with the job afterwards.
    enum Result: Sendable, Equatable {
        /// End it.
        case finish(JobOutcome)
        /// Give it back to the queue, due after the requeue delay.
        case requeue(JobError)
        /// Give it back to the queue, due at once, to wait there, unclaimed, while its account is REQUIRES_REAUTH.
        case wait(JobError)
    }

    /// Runs the job; returns what to do with it and the records the run has not written yet, which the worker writes
    /// with the job's end. Never throws for platform errors, only for store failures and cancellation, which leave
    /// the job leased so another claim resumes it from the ledger.
    func run(_ job: CampaignJob) async throws -> (Result, JobRunRecords) {
        let run = JobRun(job: job, clock: store.clock)
        do {
            let (platform, context, name, ledger) = try await prepare(job)
            let module = pipeline.platform(platform, account: context.accountID, calls: run.calls)
            run.ledger = Dictionary(ledger.map { ($0.key, $0) }) { first, _ in first }
            if job.takeovers > configuration.maximumTakeovers {
                // Known only now that the ledger is read: what exists makes the end PARTIAL_SUCCESS, not FAILED.
                throw StepFailure.permanent(
                    JobError(
                        message: "the job was taken over \(job.takeovers) times from workers that stopped before "
                            + "finishing it; giving up. Retry it to resume from its ledger",
                        code: "abandoned"))
            }
            let account = LiveAccount(context, name: name)
            let campaignID = try await walk(job, module: module, account: account, run: run)
            run.log(.info, "finished", "every step is done; campaign \(campaignID ?? "-")")
            return (.finish(.success(platformCampaignID: campaignID)), run.takeRecords())
        } catch let failure as StepFailure {
            switch failure {
            case .awaitingReauthorisation(let error):
                run.log(.warning, "waiting", error.message)
                return (.wait(error), run.takeRecords())
            // Claims from the queue only: takeovers follow crashes, not the platform's errors.
            case .exhausted(let error) where job.attempts - job.takeovers < configuration.maximumClaims:
                run.log(.warning, "requeued", "retries ran out (\(error)); the job goes back to the queue")
                return (.requeue(error), run.takeRecords())
            case .exhausted(let error), .permanent(let error):
                let campaignID = run.campaignID
                run.log(.error, "failed", error.description)
                let outcome: JobOutcome =
                    run.createdAnything
                    ? .partialSuccess(error, platformCampaignID: campaignID)
                    : .failed(error, platformCampaignID: campaignID)
                return (.finish(outcome), run.takeRecords())
            }
        }
    }

    /// The platform, the account context, its name and the ledger so far; a job that cannot run at all fails
    /// permanently, and one whose account is REQUIRES_REAUTH waits.
    private func prepare(
        _ job: CampaignJob
    ) async throws -> (RegisteredPlatform, AccountContext, String, [LedgerStep]) {
        guard let platform = pipeline.registry[job.platform] else {
            throw StepFailure.permanent(
                JobError(message: "no platform module is registered for '\(job.platform)'", code: "unsupported"))
        }
        let start = try await store.runContext(job: job.id, account: job.accountID)
        guard let account = start.account else {
            throw StepFailure.permanent(
                JobError(message: "ad account \(job.accountID) was deleted", code: "accountNotFound"))
        }
        if account.status == .requiresReauth {
            throw StepFailure.awaitingReauthorisation(
                JobError.awaitingReauthorisation(account: job.accountID, name: account.name, because: nil, step: nil))
        }
        guard account.status == .active else {
            throw StepFailure.permanent(
                JobError(
                    message: "ad account \(account.name) is \(account.status.rawValue); only ACTIVE accounts run jobs",
                    code: "accountUnavailable"))
        }
        guard let credentials = try start.credentials() else {
            throw StepFailure.permanent(
                JobError(message: "ad account \(job.accountID) has no credentials", code: "authInvalid"))
        }
        return (platform, account.context(credentials: credentials), account.name, start.ledger)
    }

    /// Creates what the ledger does not have yet, in hierarchy order; returns the campaign id.
    private func walk(
        _ job: CampaignJob, module: any AdPlatform, account: LiveAccount, run: JobRun
    ) async throws -> String? {
        let scope = job.id.uuidString.lowercased()
        let plan = TraffickingPlan(request: job.request, capabilities: module.capabilities, scope: scope)
        let lookup = module as? any MarkedEntityLookup
        let campaignEntities = try await step(
            TraffickingPlan.campaignStep, kind: .campaign, marker: plan.campaign.marker, under: nil, run: run,
            account: account, module: module, lookup: lookup
        ) { _ in [try await module.createCampaign(plan.campaign, in: account.current)] }
        let campaign = try primary(campaignEntities, kind: .campaign, step: TraffickingPlan.campaignStep)

        var groups: [String: PlatformEntity] = [:]
        for spec in plan.adGroups {
            let key = TraffickingPlan.adGroupStep(spec.key)
            let entities = try await step(
                key, kind: .adGroup, marker: spec.marker, under: campaign, run: run, account: account, module: module,
                lookup: lookup
            ) { _ in [try await module.createAdGroup(spec, under: campaign, in: account.current)] }
            groups[spec.key] = try primary(entities, kind: .adGroup, step: key)
        }

        var uploaded: [String: [UploadedMedia]] = [:]
        for planned in plan.ads {
            var spec = planned.spec
            let creative = spec.creative
            if let uploader = module as? any MediaUploading, !creative.media.isEmpty {
                if uploaded[creative.key] == nil {
                    uploaded[creative.key] = try await upload(
                        creative, with: uploader, scope: scope, run: run, account: account, lookup: lookup)
                }
                spec.media = uploaded[creative.key] ?? []
            }
            guard let group = groups[planned.adGroupKey] else {
                throw StepFailure.permanent(
                    JobError(
                        message: "ad '\(spec.name)' names ad group '\(planned.adGroupKey)', which the request lacks",
                        code: "invalidParameter", step: "ad/\(spec.key)"))
            }
            let key = "ad/\(spec.key)"
            _ = try await step(
                key, kind: .ad, marker: spec.marker, under: group, run: run, account: account, module: module,
                lookup: lookup
            ) { [spec] recovering in
                var attempt = spec
                attempt.isRecovery = recovering
                return try await module.createAd(attempt, under: group, in: account.current)
            }
        }
        return campaign.id
    }

    /// Uploads a creative's media, one ledger step per file; uploads already done are reused.
    ///
    /// Where the platform uploads in two calls (``StagedMediaUploading``), the media object is a step of its own,
    /// `media/<creative>/<n>/object`, with a marker in its name. It is recorded before the bytes are sent, so a
    /// retried or resumed upload sends them into that object: a new one would be left on the platform, unused.
    private func upload(
        _ creative: CreativeDefinition, with uploader: any MediaUploading, scope: String, run: JobRun,
        account: LiveAccount, lookup: (any MarkedEntityLookup)?
    ) async throws -> [UploadedMedia] {
        var result: [UploadedMedia] = []
        for (index, reference) in creative.media.enumerated() {
            let key = "media/\(creative.key)/\(index)"
            if let done = run.ledger[key], done.state == .done, let media = done.media {
                result.append(media)
                continue
            }
            let file = try await withRetries(step: key, run: run, account: account, module: uploader) {
                try await self.media.upload(for: reference)
            }
            let send: @Sendable () async throws -> UploadedMedia
            if let staged = uploader as? any StagedMediaUploading {
                let objectKey = "\(key)/object"
                let marker = IdempotencyMarker(scope: scope, step: objectKey)
                let objects = try await step(
                    objectKey, kind: .media, marker: marker, under: nil, run: run, account: account, module: uploader,
                    lookup: lookup
                ) { _ in [try await staged.createMediaObject(for: file, marked: marker, in: account.current)] }
                let object = try primary(objects, kind: .media, step: objectKey)
                send = { try await staged.uploadMedia(file, into: object, in: account.current) }
            } else {
                send = { try await uploader.uploadMedia(file, in: account.current) }
            }
            let media = try await withRetries(step: key, run: run, account: account, module: uploader) {
                try await start(StepStart(key: key, kind: .media, marker: nil), run: run)
                return try await send()
            }
            run.complete(StepCompletion(key: key, media: media), kind: .media, marker: nil)
            result.append(media)
        }
        return result
    }

    /// One ledger step: skipped when done; looked up by marker when a previous run may have created it; else
    /// recorded as started, created, and recorded as done.
    private func step(
        _ key: String, kind: EntityKind, marker: IdempotencyMarker, under parent: PlatformEntity?, run: JobRun,
        account: LiveAccount, module: any AdPlatform, lookup: (any MarkedEntityLookup)?,
        create: @Sendable (_ recovering: Bool) async throws -> [PlatformEntity]
    ) async throws -> [PlatformEntity] {
        if let done = run.ledger[key], done.state == .done { return done.entities }
        var mayExist = run.ledger[key]?.state == .started
        let entities = try await withRetries(step: key, run: run, account: account, module: module) {
            if mayExist {
                // Everything the lost call created is recorded, not only the step's own entity: an ad's creative
                // that the ledger does not list would be missing from the job's ids.
                if let lookup {
                    let found = try await lookup.findEntities(
                        marked: marker, kind: kind, under: parent, in: account.current)
                    if !found.isEmpty {
                        let entities = found.map { "\($0.kind) \($0.id)" }.joined(separator: ", ")
                        run.log(
                            .warning, "recovered",
                            "step \(key): \(entities) already carry marker \(marker); not creating them again")
                        return found
                    }
                }
                if lookup == nil {
                    run.log(
                        .warning, "unverifiable",
                        "step \(key) may have run before; \(run.job.platform) cannot look entities up by marker")
                }
            }
            try await start(StepStart(key: key, kind: kind, marker: marker), run: run)
            let recovering = mayExist
            mayExist = true
            return try await create(recovering)
        }
        run.complete(StepCompletion(key: key, entities: entities), kind: kind, marker: marker)
        return entities
    }

    /// Runs an operation under the engine's retry rules (``PlatformCallPolicy``), logging into the job's run.
    private func withRetries<T: Sendable>(
        step key: String, run: JobRun, account: LiveAccount, module: any AdPlatform,
        _ operation: () async throws -> T
    ) async throws -> T {
        let policy = PlatformCallPolicy(
            store: store, configuration: configuration, accountID: run.job.accountID, accountName: account.name,
            tokens: tokens, log: { level, event, message in run.log(level, event, message) })
        return try await policy.call(step: key, account: account, module: module, operation)
    }

    private func primary(_ entities: [PlatformEntity], kind: EntityKind, step: String) throws -> PlatformEntity {
        guard let entity = entities.last(where: { $0.kind == kind }) ?? entities.last else {
            throw StepFailure.permanent(
                JobError(
                    message: "the platform returned no \(kind) for step \(step)", code: "malformedResponse", step: step)
            )
        }
        return entity
    }

    /// Records a step as started before its call, in the same transaction as the previous step's result and the
    /// calls made since the last write.
    private func start(_ step: StepStart, run: JobRun) async throws {
        try await store.advance(
            job: run.job.id, completing: run.takePendingCompletions(), starting: step, calls: run.drainCalls(),
            at: store.clock.now)
    }

}
