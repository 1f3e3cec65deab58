extension Erasure {
    /// The reason in the catalog's language: the catalog's text for a known reason, else the reason as written.
    public func reasonText(in catalog: MessageCatalog) -> String {
        Erasure.knownReasons.contains(reason) ? catalog.text("erasure.reason.\(reason)") : reason
    }
}
