import Yams

extension SurveyDefinition {
    /// Loads a survey from the sheets of an XLSForm workbook, read with the same rules as a YAML/JSON document.
    ///
    /// Messages name the sheet and row; columns that XLSForm has but QuartierSync does not use are ignored,
    /// while features it does not support (repeats, calculations, choice filters, …) are refused.
    /// `settings` is read from its first row.
    public static func parse(
        survey: XLSFormSheet, choices: XLSFormSheet?, settings: XLSFormSheet?
    ) throws(SurveyError) -> SurveyDefinition {
        func mapping(_ row: XLSFormSheetRow) -> Node {
            Node.mapping(Node.Mapping(row.cells.map { (Node($0.column), Node($0.value)) }))
        }
        var document: [(Node, Node)] = []
        if let settings {
            document.append((Node("settings"), settings.rows.first.map(mapping) ?? Node.mapping(Node.Mapping([]))))
        }
        document.append((Node("survey"), Node.sequence(Node.Sequence(survey.rows.map(mapping)))))
        if let choices {
            document.append((Node("choices"), Node.sequence(Node.Sequence(choices.rows.map(mapping)))))
        }
        let origin = XLSFormOrigin(
            surveySheet: survey.name, choicesSheet: choices?.name ?? "choices", surveyRows: survey.rows.map(\.number),
            choicesRows: choices?.rows.map(\.number) ?? [], ignoresUnknownColumns: true)
        return try XLSFormReader.read(Node.Mapping(document), origin: origin)
    }
}
