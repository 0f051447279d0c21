// swift-tools-version:6.0
import PackageDescription

/// Settings every target shares, so the whole package compiles under the same rules.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "adops-lab",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "AdPlatformKit", targets: ["AdPlatformKit"]),
        .library(name: "AdPlatformTesting", targets: ["AdPlatformTesting"]),
        .library(name: "MockPlatforms", targets: ["MockPlatforms"]),
        .library(name: "MockPlatformsGRPC", targets: ["MockPlatformsGRPC"]),
        .library(name: "MetaAds", targets: ["MetaAds"]),
        .library(name: "TikTokAds", targets: ["TikTokAds"]),
        .library(name: "SnapchatAds", targets: ["SnapchatAds"]),
        .library(name: "GoogleAds", targets: ["GoogleAds"]),
        .library(name: "Trafficking", targets: ["Trafficking"]),
        .library(name: "Automation", targets: ["Automation"]),
        .library(name: "Optimization", targets: ["Optimization"]),
        .library(name: "AdOpsSamples", targets: ["AdOpsSamples"]),
        .library(name: "AdOpsServer", targets: ["AdOpsServer"]),
        .library(name: "AdOpsConsole", targets: ["AdOpsConsole"]),
        .executable(name: "adops", targets: ["adops"]),
        .executable(name: "hummingbird-baseline", targets: ["HummingbirdBaseline"]),
        .executable(name: "optimization-benchmark", targets: ["OptimizationBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "AdPlatformKit",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MockPlatforms",
            dependencies: [
                "AdPlatformKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "MockPlatforms",
            exclude: ["GRPC"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedFiles"]
        ),
        // Builds LandingPages/ and docs/examples/ into the code of the targets that serve them, so that a copied
        // `adops` binary carries its landing pages, sample tickets and media (a resource bundle stays in .build/).
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        .executableTarget(name: "EmbedFilesTool", path: "Plugins/EmbedFilesTool", swiftSettings: swiftSettings),
        // The sample tickets of docs/examples/ and their media, built in: the demo, the benchmark and the tests use them.
        .target(
            name: "AdOpsSamples",
            dependencies: ["AdPlatformKit", "Trafficking"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedFiles"]
        ),
        // The Google Ads emulator's gRPC face (what the official `google-ads` library speaks). A target of its own,
        // so that only `adops` and its tests build the gRPC stack.
        .target(
            name: "MockPlatformsGRPC",
            dependencies: [
                "MockPlatforms",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "MockPlatforms/GRPC",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AdPlatformTesting",
            dependencies: ["AdPlatformKit", "MockPlatforms", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(name: "MetaAds", dependencies: ["AdPlatformKit"], swiftSettings: swiftSettings),
        .target(name: "TikTokAds", dependencies: ["AdPlatformKit"], swiftSettings: swiftSettings),
        .target(name: "SnapchatAds", dependencies: ["AdPlatformKit"], swiftSettings: swiftSettings),
        .target(name: "GoogleAds", dependencies: ["AdPlatformKit"], swiftSettings: swiftSettings),
        .target(
            name: "Trafficking",
            dependencies: [
                "AdPlatformKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Automation rules: scope, conditions over metric windows, actions, schedule, and the guardrails the engine
        // enforces. Pure logic over metrics; it acts only through the engine's lifecycle actions.
        .target(
            name: "Automation",
            dependencies: [
                "AdPlatformKit", "Trafficking",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AdOpsServer",
            dependencies: [
                "AdPlatformKit", "Trafficking", "Optimization", "Automation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        // The web console: server-rendered pages over the same service layer as the REST API, the Creative Studio and
        // its previews, sessions and CSRF. Its templates and assets (Web/) are built into the code.
        .target(
            name: "AdOpsConsole",
            dependencies: [
                "AdPlatformKit", "Trafficking", "Optimization", "Automation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Web"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedFiles"]
        ),
        // Pure logic over metrics: the budget optimiser, allocation, forecast, creative tests and generators. It acts only
        // through the engine's lifecycle action requests.
        .target(
            name: "Optimization",
            dependencies: [
                "AdPlatformKit", "Trafficking",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Times one optimiser pass over synthetic campaigns; built alone (`swift build -c release --product
        // optimization-benchmark`) so measuring it does not need the whole package in release.
        .executableTarget(
            name: "OptimizationBenchmark",
            dependencies: ["Optimization", "AdPlatformKit", "MetaAds", "TikTokAds", "SnapchatAds", "GoogleAds"],
            path: "Benchmarks/OptimizationBenchmark",
            swiftSettings: swiftSettings
        ),
        // A bare Hummingbird server: the calibration point of the emulator benchmark (scripts/benchmark_mock.py).
        .executableTarget(
            name: "HummingbirdBaseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/HummingbirdBaseline",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "adops",
            dependencies: [
                "AdPlatformKit", "MetaAds", "TikTokAds", "SnapchatAds", "GoogleAds", "MockPlatforms",
                "MockPlatformsGRPC",
                "Trafficking", "AdOpsServer", "AdOpsConsole", "AdOpsSamples", "Automation", "Optimization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AdPlatformKitTests",
            dependencies: ["AdPlatformKit", "AdPlatformTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetaAdsTests",
            dependencies: ["MetaAds", "AdPlatformKit", "AdPlatformTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TikTokAdsTests",
            dependencies: ["TikTokAds", "AdPlatformKit", "AdPlatformTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SnapchatAdsTests",
            dependencies: ["SnapchatAds", "AdPlatformKit", "AdPlatformTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoogleAdsTests",
            dependencies: ["GoogleAds", "AdPlatformKit", "AdPlatformTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MockPlatformsTests",
            dependencies: [
                "MockPlatforms", "AdPlatformKit", "AdPlatformTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MockPlatformsGRPCTests",
            dependencies: [
                "MockPlatforms", "MockPlatformsGRPC",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConformanceTests",
            dependencies: [
                "AdPlatformKit", "AdPlatformTesting", "MockPlatforms", "MetaAds", "TikTokAds", "SnapchatAds",
                "GoogleAds",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TraffickingTests",
            dependencies: [
                "Trafficking", "AdPlatformKit", "AdPlatformTesting", "MetaAds", "GoogleAds",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AutomationTests",
            dependencies: [
                "Automation", "Trafficking", "AdPlatformKit", "AdPlatformTesting", "MetaAds", "TikTokAds",
                "SnapchatAds", "GoogleAds",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OptimizationTests",
            dependencies: [
                "Optimization", "Trafficking", "AdPlatformKit", "MetaAds", "TikTokAds", "SnapchatAds", "GoogleAds",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AdOpsServerTests",
            dependencies: [
                "AdOpsServer", "Trafficking", "Optimization", "AdPlatformKit", "AdPlatformTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AdOpsConsoleTests",
            dependencies: [
                "AdOpsConsole", "AdOpsServer", "AdOpsSamples", "Trafficking", "Automation", "AdPlatformKit",
                "AdPlatformTesting", "MetaAds", "GoogleAds", "TikTokAds",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Trafficking", "Optimization", "Automation", "AdOpsServer", "AdPlatformKit", "AdPlatformTesting",
                "AdOpsSamples", "MockPlatforms",
                "MetaAds", "TikTokAds", "SnapchatAds", "GoogleAds",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AdOpsSamplesTests",
            dependencies: ["AdOpsSamples", "AdPlatformKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AdOpsCLITests",
            dependencies: [
                "adops", "AdPlatformKit", "AdPlatformTesting", "AdOpsSamples", "Trafficking",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
