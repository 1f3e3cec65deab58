import SyncModel

/// The one line that tells the user a record was erased and its content is gone from this device.
enum ErasureText {
    /// E.g. `1a2b3c4d wurde von tina gelöscht (Löschung auf Wunsch); 1 nicht übertragene Änderung wurde verworfen.`
    static func line(_ notice: ErasedRecordNotice, texts: Texts) -> String {
        let key =
            switch notice.discardedChanges {
            case 0: "sync.erased"
            case 1: "sync.erasedDiscardedOne"
            default: "sync.erasedDiscarded"
            }
        return texts(
            key,
            [
                "id": String(LocalStore.key(notice.id).prefix(8)), "by": notice.erasure.erasedBy,
                "reason": notice.erasure.reasonText(in: texts.catalog), "count": String(notice.discardedChanges),
            ])
    }
}
