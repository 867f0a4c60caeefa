// swift-tools-version:6.0
// Fuzz targets for the readers of user files, kept out of the main build and CI.
// Build and run them with `Tests/Fuzz/run.sh SECONDS` (libFuzzer, Linux).
import PackageDescription

let package = Package(
    name: "ddim-explorer-fuzz",
    dependencies: [.package(name: "ddim-explorer", path: "../..")],
    targets: [
        // DDIMConfiguration(jsonData:) and validate(), then a scheduler from the result.
        .executableTarget(name: "FuzzConfig", dependencies: [.product(name: "DDIM", package: "ddim-explorer")]),
        // PointsFile's CSV reader, fed in uneven chunks as a pipe would.
        .executableTarget(name: "FuzzPoints", dependencies: [.product(name: "ToyWorld", package: "ddim-explorer")]),
    ],
    swiftLanguageModes: [.v6]
)
