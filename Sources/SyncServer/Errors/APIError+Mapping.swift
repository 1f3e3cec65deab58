import Foundation
import Hummingbird
import NIOCore
import SyncModel

extension APIError {
    /// The one place that turns any error into the response the client gets.
    ///
    /// Client mistakes become 4xx, storage that cannot write becomes 503, and anything else
    /// is a 500 whose message reveals nothing.
    init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case is NIOTooManyBytesError:
            self = APIError(
                .contentTooLarge, .payloadTooLarge,
                "The request body is larger than \(SyncProtocol.maximumBodyBytes / (1024 * 1024)) MiB. "
                    + "Push fewer records at once.")
        case let error as DecodingError:
            self = APIError(.badRequest, .invalidJSON, Self.describe(error))
        case let error as StoreError:
            switch error {
            case .conflict(let message): self = APIError(.conflict, .conflict, message)
            case .invalidCode:
                self = APIError(
                    .unauthorized, .invalidCode,
                    "This enrollment code is unknown, already used or expired. Ask your trainer for a new code.")
            case .invalidLink:
                self = APIError(
                    .unauthorized, .invalidCode,
                    "This login link is unknown, already used or expired. Get a new link with 'fieldclient dashboard'.")
            case .notFound(let message): self = APIError(.notFound, .notFound, message)
            case .unavailable:
                self = APIError(
                    .serviceUnavailable, .storageUnavailable,
                    "The server cannot store data right now. Nothing was saved; try again later.")
            }
        case let error as AdministrationError:
            switch error {
            case .invalidName, .invalidDoorList: self = APIError(.badRequest, .invalidParameter, error.message)
            case .unknownCohort, .unknownRecord, .unknownPerson: self = APIError(.notFound, .notFound, error.message)
            case .invalidSurvey: self = APIError(.badRequest, .invalidSurvey, error.message)
            case .cohortExists, .surveyPublished, .doorIDTaken: self = APIError(.conflict, .conflict, error.message)
            }
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                self = APIError(.notFound, .notFound, "There is no such endpoint. See /openapi.yaml for the API.")
            case .methodNotAllowed:
                self = APIError(.methodNotAllowed, .notFound, "This endpoint does not take that method.")
            case .contentTooLarge:
                self = APIError(.contentTooLarge, .payloadTooLarge, "The request body is too large.")
            default:
                self = APIError(
                    error.status, error.status.code < 500 ? .invalidParameter : .internalError,
                    error.body ?? error.status.reasonPhrase)
            }
        default:
            self = APIError(.internalServerError, .internalError, "The server failed unexpectedly. Try again later.")
        }
    }

    /// Names the failing field of a decoding error, e.g. `records[3].id`, and what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, extra: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (extra.map { [$0] } ?? [])
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text.isEmpty ? "the body" : "'\(text)'"
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "Invalid JSON at \(path(context)): expected \(describe(type)). \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "Invalid JSON at \(path(context)): expected \(describe(type)), found null."
        case .keyNotFound(let key, let context):
            return "Invalid JSON: \(path(context, extra: key)) is missing."
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "The body is not valid JSON, or a number in it does not fit its field (e.g. a negative or "
                    + "too large version counter). Send a JSON document of the documented shape."
            }
            return "Invalid JSON at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "The body is not JSON of the expected shape."
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is UInt64.Type: return "an integer"
        case is Bool.Type: return "a boolean"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a value of type \(name)"
        }
    }
}
