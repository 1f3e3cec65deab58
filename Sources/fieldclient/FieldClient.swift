import ArgumentParser

/// `fieldclient`: the offline field client of QuartierSync.
@main
struct FieldClient: AsyncParsableCommand {
    /// The command tree and the exit codes.
    static let configuration = CommandConfiguration(
        commandName: "fieldclient",
        abstract: "Interview residents offline, keep answers safe on this device, and sync when online.",
        discussion: """
            Everything works offline except 'join' and 'sync'. The store is an owner-only SQLite file \
            (--store, FIELDCLIENT_STORE; default $XDG_DATA_HOME/fieldclient/store.sqlite or \
            ~/.local/share/fieldclient/store.sqlite). Record ids may be given in full or by their first 6 or more \
            characters.

            \(EncryptionTexts.text(.overviewDiscussion))

            Exit codes:
            \(ExitStatus.helpTable)
            """,
        subcommands: [
            JoinCommand.self, SurveysCommand.self, CollectCommand.self, RecordCommand.self, ListCommand.self,
            ShowCommand.self, EditCommand.self, FinalizeCommand.self, DeleteCommand.self, RestoreCommand.self,
            HouseholdsCommand.self, VisitCommand.self, StatusCommand.self, SyncCommand.self, ConflictsCommand.self,
            ResolveCommand.self, ReportCommand.self, ExportCommand.self, DashboardCommand.self,
            UnlockCommand.self, LockCommand.self, PassphraseCommand.self, EncryptCommand.self,
        ])
}
