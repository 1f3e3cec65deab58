{ echo '// Generated from openapi.yaml at the repository root; OpenAPIDocumentTests checks that both are equal byte for byte.'
  echo '// After editing openapi.yaml, regenerate this file with: sh Tests/SyncServerTests/Support/embed-openapi.sh'
  echo '/// The API description served at `GET /openapi.yaml`.'; echo 'enum OpenAPIDocument {'; echo "    /// The document's text."; echo '    static let yaml = #"""'; cat openapi.yaml; echo; echo '"""#'; echo '}'; } > Sources/SyncServer/OpenAPI/OpenAPIDocument.swift
