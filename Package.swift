// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "QuartierSync",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SyncModel", targets: ["SyncModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "SyncModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SyncFixtures",
            dependencies: ["SyncModel"]
        ),
        .testTarget(
            name: "SyncModelTests",
            dependencies: [
                "SyncModel",
                "SyncFixtures",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
