import ArgumentParser

/// `fieldclient lock`.
struct LockCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "lock", abstract: EncryptionTexts.text(.lockAbstract))

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Drops the key from the keyring.
    func run() async throws {
        try await options.run(unlocking: false) { env in
            let envelope = try UnlockCommand.envelope(of: env.store, path: options.storePath)
            let dropped = options.unlocker.keyring.drop(named: envelope.keyringName)
            env.output.line(EncryptionTexts.text(dropped ? .locked : .notLocked))
        }
    }
}
