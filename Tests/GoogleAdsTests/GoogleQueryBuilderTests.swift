import AdPlatformKit
import GoogleAds
import Testing

@Suite("GAQL queries")
struct GoogleQueryBuilderTests {
    @Test(
        "metrics select the level's id and filter by dates and ids",
        arguments: [
            (
                EntityKind.adGroup, ["7"],
                "SELECT ad_group.id, metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, "
                    + "metrics.conversions_value FROM ad_group WHERE segments.date BETWEEN '2026-12-01' AND "
                    + "'2026-12-07' AND ad_group.id IN (7)"
            ),
            (
                EntityKind.ad, [],
                "SELECT ad_group_ad.ad.id, metrics.impressions, metrics.clicks, metrics.cost_micros, "
                    + "metrics.conversions, metrics.conversions_value FROM ad_group_ad WHERE segments.date BETWEEN "
                    + "'2026-12-01' AND '2026-12-07'"
            ),
        ])
    func metrics(level: EntityKind, ids: [String], expected: String) throws {
        let query = MetricsQuery(level: level, entityIDs: ids, since: "2026-12-01", until: "2026-12-07")
        #expect(try GoogleQueryBuilder.metricsQuery(query) == expected)
    }

    @Test("ids and dates from outside are checked before they reach a query")
    func injection() {
        let badID = MetricsQuery(
            level: .campaign, entityIDs: ["1", "1) OR (1=1"], since: "2026-12-01", until: "2026-12-07")
        #expect { try GoogleQueryBuilder.metricsQuery(badID) } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "entityIDs[1]"
        }
        let badDate = MetricsQuery(level: .campaign, entityIDs: [], since: "2026-12-01' OR '", until: "2026-12-07")
        #expect { try GoogleQueryBuilder.metricsQuery(badDate) } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "since"
        }
        let media = MetricsQuery(level: .media, entityIDs: [], since: "2026-12-01", until: "2026-12-07")
        #expect { try GoogleQueryBuilder.metricsQuery(media) } throws: { error in
            (error as? AdPlatformError)?.code == .unsupported
        }
        #expect { try GoogleQueryBuilder.readQuery(kind: .campaign, id: "22 OR 1=1") } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "id"
        }
        #expect { try GoogleQueryBuilder.readQuery(kind: .creative, id: "1") } throws: { error in
            (error as? AdPlatformError)?.code == .unsupported
        }
    }

    @Test("LIKE patterns bracket special characters; literals escape quotes and backslashes")
    func escaping() throws {
        #expect(GoogleQueryBuilder.likeEscaped("a_b%[c]") == "a[_]b[%][[]c[]]")
        #expect(GoogleQueryBuilder.literal("it's a \\ test") == #"'it\'s a \\ test'"#)
        let query = try GoogleQueryBuilder.lookupQuery(
            marker: IdempotencyMarker(value: "o'k_1"), kind: .budget, parent: nil)
        #expect(
            query
                == "SELECT campaign_budget.id, campaign_budget.name, campaign_budget.status, "
                + "campaign_budget.resource_name, campaign_budget.amount_micros FROM campaign_budget WHERE "
                + #"campaign_budget.name LIKE '%o\'k[_]1%'"#)
    }

    @Test("ads are looked up without a name filter; account-wide when there is no parent")
    func adLookup() throws {
        let query = try GoogleQueryBuilder.lookupQuery(marker: IdempotencyMarker(value: "ao-1"), kind: .ad, parent: nil)
        #expect(!query.contains("WHERE"))
        #expect(query.hasSuffix("FROM ad_group_ad"))
    }

    @Test("lists skip removed entities, in id order; media lists image assets")
    func lists() throws {
        #expect(
            try GoogleQueryBuilder.listQuery(kind: .campaign)
                == "SELECT campaign.id, campaign.name, campaign.status, campaign.resource_name, "
                + "campaign.campaign_budget, campaign_budget.amount_micros FROM campaign WHERE campaign.status != 'REMOVED' ORDER BY campaign.id"
        )
        #expect(
            try GoogleQueryBuilder.listQuery(kind: .media)
                == "SELECT asset.id, asset.name, asset.type, asset.resource_name FROM asset WHERE "
                + "asset.type = 'IMAGE' ORDER BY asset.id")
    }
}
