import Foundation
import GRDB
import SyncModel

/// Turns any failure into an exit status and a message that tells the user what to do, in their language.
enum ErrorReport {
    /// The status and message for `error`.
    static func describe(_ error: any Error, texts: Texts) -> (ExitStatus, String) {
        switch error {
        case let error as FieldClientError:
            return (error.status, error.message)
        case is StoreLockedError:
            return (.unauthorized, EncryptionTexts.text(.storeLocked, ["path": "(--store)"]))
        case let error as DamagedRecordError:
            return (.storeFailure, EncryptionTexts.text(.recordDamaged, ["id": error.id]))
        case let error as StoreOpenError:
            return (.storeFailure, error.message(texts))
        case let error as AnswerValidationError:
            return (.invalidData, ([texts("error.answersInvalid")] + error.lines).joined(separator: "\n"))
        case let error as TransportError:
            return (error.status, describe(error, texts: texts))
        case let error as RecordError:
            return (.invalidData, error.message)
        case let error as DatabaseError:
            let detail: String = error.message ?? String(describing: error.resultCode)
            return (.storeFailure, texts("error.database", ["detail": detail]))
        default:
            return (.storeFailure, texts("error.unexpected", ["detail": "\(error)"]))
        }
    }

    /// The message for a server failure; a refusal whose code the catalogs word
    /// (`error.server.<code>`) is said in the user's language, any other one with the server's words.
    static func describe(_ error: TransportError, texts: Texts) -> String {
        switch error {
        case .unreachable(let detail):
            return texts("error.unreachable", ["detail": String(detail.prefix(160))])
        case .unauthorized:
            return texts("error.revoked")
        case .forbidden(let detail), .rejected(_, let detail):
            return texts.catalog.messages["error.server.\(detail.code)"] ?? texts("error.serverRefused", ["detail": detail.message])
        case .unexpectedAnswer(let message):
            return message
        }
    }
}
