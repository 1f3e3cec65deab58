/// The API description served at `GET /openapi.yaml`: openapi.yaml at the repository root,
/// embedded at build time through the SwiftPM resource `OpenAPI/openapi.yaml` (a link to it).
enum OpenAPIDocument {
    /// The document's text.
    static let yaml = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}
