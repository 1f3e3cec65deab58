import SWXMLHash

extension XMLHashXMLElement {
    /// The element's name without a namespace prefix (`x:row` is `row`).
    var localName: String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The child elements, in document order.
    var childElements: [XMLHashXMLElement] {
        children.compactMap { $0 as? XMLHashXMLElement }
    }

    /// The child elements whose local name is `localName`.
    func children(named localName: String) -> [XMLHashXMLElement] {
        childElements.filter { $0.localName == localName }
    }

    /// The value of the attribute named exactly `name`.
    func attribute(named name: String) -> String? {
        attribute(by: name)?.text
    }

    /// The value of a namespaced attribute such as `r:id`, whatever its prefix.
    func attribute(namespaced localName: String) -> String? {
        allAttributes.first { key, _ in key.hasSuffix(":" + localName) }?.value.text
    }
}
