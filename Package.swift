// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ddim-explorer",
    products: [
        .library(name: "Points", targets: ["Points"]),
        .library(name: "DDIM", targets: ["DDIM"]),
        .library(name: "ToyWorld", targets: ["ToyWorld"]),
        .library(name: "Canvas", targets: ["Canvas"]),
        .library(name: "Learned", targets: ["Learned"]),
        .executable(name: "ddim-explorer", targets: ["ddim-explorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Layer 0: the value types every layer shares (SampleBatch, JSON string literals); no logic.
        .target(name: "Points"),
        // glibc malloc tuning for the scheduler's large outputs (one C function).
        .target(name: "CHeapTuning"),
        // Layer 1: the scheduler core. No I/O except configuration JSON.
        .target(name: "DDIM", dependencies: ["Points", "CHeapTuning"]),
        // Layer 2: datasets, exact denoisers, chains, metrics.
        .target(name: "ToyWorld", dependencies: ["DDIM"]),
        // The system BLAS (OpenBLAS from Debian's libopenblas-dev): matrix products only.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", providers: [.apt(["libopenblas-dev"])]),
        // Layer 2: learned models (a small MLP, its training, safetensors files).
        // AVX2/FMA loops for the learned model's element-wise work, picked at run time.
        .target(name: "CVectorKernels"),
        .target(name: "Learned", dependencies: ["DDIM", "ToyWorld", "CBLAS", "CVectorKernels"]),
        // Layer 3: pure terminal rendering (no ncurses).
        .target(name: "Canvas", dependencies: ["Points"]),
        // giflib (Debian's libgif-dev): the GIF encoder behind animated exports.
        .systemLibrary(name: "CGIF", path: "Sources/CGIF", providers: [.apt(["libgif-dev"])]),
        // Layer 3: pictures for slides (pixel frames, animated GIF and SVG); no terminal.
        .target(name: "SlideExport", dependencies: ["Points", "Canvas", "CGIF"]),
        // Layer 4: the explorer's model, update and view.
        .target(name: "Explorer", dependencies: ["ToyWorld", "Canvas"]),
        // Layer 5: ncurses (the only place that touches curses) and the CLI.
        .target(name: "CCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "TerminalUI", dependencies: ["CCurses", "Canvas", "Points"]),
        .executableTarget(
            name: "ddim-explorer",
            dependencies: [
                "DDIM", "ToyWorld", "Canvas", "SlideExport", "Explorer", "TerminalUI", "Learned",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PointsTests", dependencies: ["Points"]),
        .testTarget(name: "DDIMTests", dependencies: ["DDIM"], exclude: ["Fixtures"]),
        .testTarget(name: "ToyWorldTests", dependencies: ["ToyWorld"]),
        .testTarget(name: "LearnedTests", dependencies: ["Learned"], exclude: ["Fixtures"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas", "Points", "DDIM"]),
        .testTarget(name: "SlideExportTests", dependencies: ["SlideExport", "Points", "CGIF"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer", "Learned"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ddim-explorer", "Learned"]),
    ],
    swiftLanguageModes: [.v6]
)
