import ArgumentParser
import Foundation
import SyncModel

/// The `--json` flag shared by the admin commands.
struct OutputOptions: ParsableArguments {
    /// Whether to print JSON instead of text.
    @Flag(name: .long, help: ArgumentHelp(AdminTexts.text("admin.option.json")))
    var json = false

    /// Prints `value` as one JSON document, or `text` for people.
    func print(_ value: some Encodable, text: @autoclosure () -> String) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
        } else {
            Swift.print(text())
        }
    }

    /// Runs an admin action; a failure prints its message (as `ErrorBody` JSON with `--json`)
    /// and exits with status 1.
    func run(_ action: () async throws -> Void) async throws {
        do {
            try await action()
        } catch let error as CommandFailure {
            try fail(ErrorDetail(.invalidParameter, error.message))
        } catch let error as ExitCode {
            throw error
        } catch let error as AdministrationError {
            try fail(ErrorDetail(code: APIError(mapping: error).detail.code, message: error.message(in: AdminTexts.catalog)))
        } catch {
            try fail(APIError(mapping: error).detail)
        }
    }

    private func fail(_ detail: ErrorDetail) throws -> Never {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Swift.print(String(decoding: try encoder.encode(ErrorBody(error: detail)), as: UTF8.self))
        } else {
            FileHandle.standardError.write(Data((AdminTexts.text("admin.error", ["message": detail.message]) + "\n").utf8))
        }
        throw ExitCode.failure
    }
}
