// swift-tools-version:6.1
import PackageDescription

// Layers, arrows pointing down only (see DESIGN.md):
//   bnc -> Shell -> Script -> BinanceAPI
//   bnc -> SessionLog -> Script
//   bnc -> SignatureDebugger -> BinanceAPI
//   bnc -> BinanceSimulator -> BinanceAPI (transport protocol only)
//   Shell -> CEditlineShim (system libedit, loaded when the shell starts)
// Release: metadata of concrete generic types (`[Int: CommandPlan?]`, `Set<String>`) through the
// compiler's accessor functions, which hand the runtime the conformances, instead of by mangled
// name, which makes the runtime look each conformance up in all ~6,000 conformance records the
// first time: about 10% of a dry run's start (issue 18, docs/performance.md, "Fifth pass: cold
// start"). Only on targets that are in no product: a library product's users cannot take unsafe flags.
let metadataAccessors: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))
]

let package = Package(
    name: "bnc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bnc", targets: ["bnc"]),
        .library(name: "BinanceAPI", targets: ["BinanceAPI"]),
        .library(name: "BinanceSimulator", targets: ["BinanceSimulator"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // TLS for https on the same NIO pool as http (issue 14); the version the package mirror has.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2")
    ],
    targets: [
        .executableTarget(
            name: "bnc",
            dependencies: [
                "Shell", "Script", "SessionLog", "BinanceAPI", "BinanceSimulator", "SignatureDebugger",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            swiftSettings: metadataAccessors,
            // Release: the Swift runtime and FoundationEssentials linked in, so start-up does not map
            // and resolve ~15 Swift shared libraries (cold start 19 -> 13 ms, docs/performance.md).
            // Their static libraries are named because modules compiled against the shared SDK (all
            // dependencies) do not autolink them. On Linux no module imports Foundation itself, only
            // FoundationEssentials (BinanceAPI's FoundationText has the few pieces it lacks):
            // Foundation, CoreFoundation and ICU cost 0.3 ms of every start in relocations and
            // constructors, and 49 MB (issue 18, docs/performance.md, "Fourth pass: cold start").
            // FoundationNetworking is never used: it loads libcurl and ~35 more libraries (+6 ms).
            // --strip-debug: DWARF is never mapped at run time (141 -> 95 MB; the symbol table stays
            // for perf and backtraces, which lose only file:line; issue 18, docs/performance.md).
            // --no-export-dynamic: the driver exports all ~28,000 symbols, and the runtime's start-up
            // dladdr() walks them all (-9% of cold start's CPU); backtraces read the symbol table.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-Xlinker", "--start-group",
                        "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections", "-Xlinker", "--end-group",
                        "-Xlinker", "--strip-debug", "-Xlinker", "--no-export-dynamic"
                    ], .when(configuration: .release))
            ]
        ),
        // Micro-benchmarks driven by scripts/bench; not part of the product.
        .executableTarget(
            name: "bnc-bench",
            dependencies: [
                "BinanceAPI", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")
            ],
            path: "Sources/bnc-bench"),
        // SignatureDebugger: the shell's `doctor` runs the same checks as `bnc doctor` (issue 17).
        .target(
            name: "Shell", dependencies: ["Script", "BinanceAPI", "SignatureDebugger", "CEditlineShim"],
            swiftSettings: metadataAccessors),
        .target(name: "SessionLog", dependencies: ["Script", "BinanceAPI"], swiftSettings: metadataAccessors),
        .target(name: "Script", dependencies: ["BinanceAPI"], swiftSettings: metadataAccessors),
        // The fuzz targets (docs/fuzzing.md), one executable chosen by name: it replays corpus files in
        // the normal build; Fuzz/run.sh builds it with -sanitize=fuzzer as the libFuzzer entry point.
        .executableTarget(
            name: "bnc-fuzz", dependencies: ["Script", "SessionLog", "SignatureDebugger", "BinanceAPI", "BinanceSimulator"],
            path: "Fuzz/Sources"),
        .target(name: "SignatureDebugger", dependencies: ["BinanceAPI"], swiftSettings: metadataAccessors),
        .target(
            name: "BinanceAPI",
            dependencies: [
                "CHMACSHA256",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl")
            ]
        ),
        .target(
            name: "BinanceSimulator",
            dependencies: [
                "BinanceAPI",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl")
            ]
        ),
        // libedit's headers come from the system (apt: libedit-dev) at build time; the library itself
        // is not linked but loaded with dlopen when the interactive shell starts, so that a -c, script,
        // dry-run or `bnc sim` start never maps it and the four libraries behind it (issue 18,
        // docs/performance.md, "Fifth pass: cold start"). glibc before 2.34 keeps dlopen in libdl.
        .target(name: "CEditlineShim", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // HMAC-SHA256 with the keyed state reused and SHA extensions when present (issue 8).
        .target(name: "CHMACSHA256"),
        // Helpers the test targets share (seeded random numbers, child processes, openssl); in no
        // product, and no library target may import it.
        .target(name: "BNCTestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "BinanceAPITests",
            dependencies: [
                "BinanceAPI", "BNCTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                // A loopback NIO server for the HTTP transport tests.
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                // The proxy tunnel handler, driven byte by byte without sockets.
                .product(name: "NIOEmbedded", package: "swift-nio")
            ]),
        .testTarget(name: "BinanceSimulatorTests", dependencies: ["BinanceSimulator", "BinanceAPI", "BNCTestSupport"]),
        .testTarget(name: "SessionLogTests", dependencies: ["SessionLog", "Script", "BinanceAPI", "BNCTestSupport"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "BinanceAPI", "BNCTestSupport"]),
        .testTarget(name: "SignatureDebuggerTests", dependencies: ["SignatureDebugger", "BinanceAPI", "BNCTestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Script", "BNCTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["BinanceAPI", "BNCTestSupport"])
    ]
)
