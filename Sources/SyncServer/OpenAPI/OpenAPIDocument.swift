// Generated from openapi.yaml at the repository root; OpenAPIDocumentTests checks that both are equal byte for byte.
// After editing openapi.yaml, regenerate this file with: sh Tests/SyncServerTests/Support/embed-openapi.sh
/// The API description served at `GET /openapi.yaml`.
enum OpenAPIDocument {
    /// The document's text.
    static let yaml = #"""
openapi: 3.1.0
info:
  title: QuartierSync sync API
  version: "1"
  summary: Offline-first sync of door-to-door survey responses for the course "Qualifiziert fürs Quartier".
  description: |
    Every route under `/v1` needs the header `QuartierSync-Protocol: 1`; every route except
    `POST /v1/enroll` also needs `Authorization: Bearer <token>` from enrollment.
    Every error answers `ErrorBody` JSON with a stable `code`. Bodies are at most 8 MiB.

    gzip on the wire: a request body may be sent with `Content-Encoding: gzip` (at most 8 MiB
    on the wire and at most 8 MiB inflated, else 413), and a client that sends
    `Accept-Encoding: gzip` gets pages of changes gzip-compressed (`Content-Encoding: gzip`).
    Plain bodies work the same; any other `Content-Encoding` answers 415.
servers:
  - url: http://127.0.0.1:8080
tags:
  - name: meta
  - name: devices
  - name: surveys
  - name: sync
  - name: reports
  - name: dashboard
paths:
  /health:
    get:
      tags: [meta]
      operationId: health
      summary: Whether the server and its database answer.
      security: []
      responses:
        "200":
          description: The server is up.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Health" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /openapi.yaml:
    get:
      tags: [meta]
      operationId: openapi
      summary: This document.
      security: []
      responses:
        "200":
          description: The OpenAPI document.
          content:
            application/yaml:
              schema: { type: object, required: [openapi, info, paths] }
  /v1/enroll:
    post:
      tags: [devices]
      operationId: enroll
      summary: Trade a one-time enrollment code for a device token (shown once).
      security: []
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/EnrollRequest" }
      responses:
        "201":
          description: The device is enrolled; keep the token, it is never shown again.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/EnrollResponse" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/InvalidCode" }
        "409": { $ref: "#/components/responses/Conflict" }
        "413": { $ref: "#/components/responses/PayloadTooLarge" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/surveys:
    get:
      tags: [surveys]
      operationId: listSurveys
      summary: The cohort's published surveys, every version.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - $ref: "#/components/parameters/Cohort"
      responses:
        "200":
          description: The surveys, by id then version.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/SurveyList" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
    post:
      tags: [surveys]
      operationId: publishSurvey
      summary: Publish a new survey version (trainers). Published versions never change.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - $ref: "#/components/parameters/Cohort"
      requestBody:
        required: true
        description: >-
          The survey definition: an XLSForm workbook (.xlsx with the sheets survey, choices and settings),
          XLSForm-style YAML/JSON or canonical JSON. A workbook is recognised by its content (a ZIP archive).
        content:
          application/json:
            schema: { type: object }
          application/yaml:
            schema: { type: string }
          application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
            schema: { type: string, format: binary }
      responses:
        "201":
          description: The survey version is published.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/PublishedSurvey" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "404": { $ref: "#/components/responses/NotFound" }
        "409": { $ref: "#/components/responses/Conflict" }
        "413": { $ref: "#/components/responses/PayloadTooLarge" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/sync/push:
    post:
      tags: [sync]
      operationId: push
      summary: Merge record states; one result per record, in order. Re-pushing changes nothing.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - name: Content-Encoding
          in: header
          required: false
          description: "`gzip` when the body is gzip-compressed; absent (or `identity`) for plain JSON."
          schema: { type: string, enum: [gzip, identity] }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/PushRequest" }
      responses:
        "200":
          description: The batch was committed in one transaction; rejected records changed nothing.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/PushResponse" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "413": { $ref: "#/components/responses/PayloadTooLarge" }
        "415": { $ref: "#/components/responses/UnsupportedEncoding" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/sync/changes:
    get:
      tags: [sync]
      operationId: changes
      summary: The records in the caller's scope changed after the cursor, oldest change first.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - name: since
          in: query
          required: false
          description: The cursor of the previous page; absent or empty to read from the start.
          schema: { type: string, pattern: "^[0-9]{0,18}$" }
        - name: limit
          in: query
          required: false
          description: The page size, 1 to 2000 (default 500).
          schema: { type: integer, minimum: 1, maximum: 2000 }
        - name: Accept-Encoding
          in: header
          required: false
          description: "`gzip` to receive the page gzip-compressed (pages under 1 KiB stay plain)."
          schema: { type: string }
      responses:
        "200":
          description: >-
            One page of changes. States that the caller's own push stored exactly as it sent them are
            left out but still passed by the cursor, so a page can hold fewer records than `limit`, or
            none, while `hasMore` is true: read on from the returned cursor while `hasMore` is true.
          headers:
            Content-Encoding:
              description: "`gzip` when the page is compressed; absent for plain JSON."
              schema: { type: string, enum: [gzip] }
          content:
            application/json:
              schema: { $ref: "#/components/schemas/ChangesPage" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/enrollments:
    post:
      tags: [devices]
      operationId: createEnrollment
      summary: Create a one-time code for a participant of the trainer's cohort (trainers).
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/EnrollmentRequest" }
      responses:
        "201":
          description: The code, valid once for 7 days.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/EnrollmentGrant" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "404": { $ref: "#/components/responses/NotFound" }
        "413": { $ref: "#/components/responses/PayloadTooLarge" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/devices:
    get:
      tags: [devices]
      operationId: listDevices
      summary: The devices of the trainer's cohort (trainers).
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - $ref: "#/components/parameters/Cohort"
      responses:
        "200":
          description: The devices, oldest first.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/DeviceList" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/devices/{id}:
    delete:
      tags: [devices]
      operationId: revokeDevice
      summary: Revoke a device of the trainer's cohort (trainers); its token stops working.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - name: id
          in: path
          required: true
          description: The device id.
          schema: { type: string }
      responses:
        "204":
          description: The device is revoked (also when it was revoked before).
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "404": { $ref: "#/components/responses/NotFound" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/cohorts/{id}/report:
    get:
      tags: [reports]
      operationId: cohortReport
      summary: The cohort's report (trainers, own cohort only); the same numbers as `fieldclient report`.
      description: |
        Computed by reading the cohort's change feed page by page. Question statistics count final
        responses that are not deleted; drafts and deleted responses are only counted. Interview days
        are calendar days in Europe/Berlin.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - $ref: "#/components/parameters/CohortPath"
      responses:
        "200":
          description: The report.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/CohortReport" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/cohorts/{id}/export:
    get:
      tags: [reports]
      operationId: cohortExport
      summary: The responses to one survey as CSV, JSON or GeoJSON, streamed (trainers, own cohort only).
      description: |
        Deleted responses are left out; a field with an open conflict exports its shown value.
        CSV (RFC 4180, UTF-8, CRLF): columns id, participant, created, updated, status, household, then
        one per question; a select_multiple question has its raw answer (choice names separated by
        spaces) and one `question/choice` column of 1/0 per choice. JSON: an array of objects with
        the same metadata and `answers`. GeoJSON: a FeatureCollection of the responses with a location,
        placed at the first geopoint question (in survey order) that holds one; its properties are the
        JSON object plus `geopoint`, the question used.
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
        - $ref: "#/components/parameters/CohortPath"
        - $ref: "#/components/parameters/ExportFormat"
        - $ref: "#/components/parameters/ExportSurvey"
      responses:
        "200":
          description: The export, as an attachment named after the survey.
          headers:
            Content-Disposition:
              schema: { type: string }
              description: "attachment; filename=\"<survey>.<csv|json|geojson>\""
          content:
            text/csv:
              schema: { type: string }
            application/json:
              schema:
                type: array
                items: { $ref: "#/components/schemas/ExportedResponse" }
            application/geo+json:
              schema: { type: object }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "404": { $ref: "#/components/responses/NotFound" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /v1/dashboard/links:
    post:
      tags: [dashboard]
      operationId: createDashboardLink
      summary: A one-time login link for the dashboard, valid 5 minutes (trainers).
      parameters:
        - $ref: "#/components/parameters/ProtocolVersion"
      responses:
        "201":
          description: The link. Append `path` to the server's URL, or open `url`.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/DashboardLinkGrant" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
  /dashboard:
    get:
      tags: [dashboard]
      operationId: dashboard
      summary: The cohort dashboard, an HTML page (session cookie from a login link).
      security: [{ dashboardSession: [] }]
      responses:
        "200":
          description: The page; every number carries `data-metric` and `data-value` attributes.
          content:
            text/html:
              schema: { type: string }
        "401":
          description: An HTML page saying how to sign in.
          content:
            text/html:
              schema: { type: string }
        "403":
          description: An HTML page refusing a participant's token.
          content:
            text/html:
              schema: { type: string }
  /dashboard/login:
    get:
      tags: [dashboard]
      operationId: dashboardLogin
      summary: Consumes a one-time login link, sets the session cookie and redirects to /dashboard.
      security: []
      parameters:
        - name: link
          in: query
          required: true
          description: The link's secret.
          schema: { type: string }
      responses:
        "303":
          description: Signed in; the cookie `qs_dashboard` (HttpOnly, SameSite=Strict, Path=/dashboard, 12 hours, Secure over TLS) is set.
          headers:
            Set-Cookie:
              schema: { type: string }
            Location:
              schema: { type: string, enum: [/dashboard] }
        "400":
          description: An HTML page saying that the address has no login link (`link` is missing or empty).
          content:
            text/html:
              schema: { type: string }
        "410":
          description: An HTML page saying that the link is unknown, used or expired.
          content:
            text/html:
              schema: { type: string }
  /dashboard/export:
    get:
      tags: [dashboard]
      operationId: dashboardExport
      summary: The same export as `/v1/cohorts/{id}/export`, for the session's cohort (session cookie).
      security: [{ dashboardSession: [] }]
      parameters:
        - $ref: "#/components/parameters/ExportFormat"
        - $ref: "#/components/parameters/ExportSurvey"
      responses:
        "200":
          description: The export, as an attachment.
          content:
            text/csv:
              schema: { type: string }
            application/json:
              schema:
                type: array
                items: { $ref: "#/components/schemas/ExportedResponse" }
            application/geo+json:
              schema: { type: object }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/NotFound" }
        "503": { $ref: "#/components/responses/StorageUnavailable" }
security:
  - bearer: []
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
      description: The device token from `POST /v1/enroll`, `qs_<device id>_<secret>`.
    dashboardSession:
      type: apiKey
      in: cookie
      name: qs_dashboard
      description: The dashboard session that opening a login link sets.
  parameters:
    ProtocolVersion:
      name: QuartierSync-Protocol
      in: header
      required: true
      description: The protocol version the client speaks; this server speaks 1.
      schema: { type: string, enum: ["1"] }
    Cohort:
      name: cohort
      in: query
      required: false
      description: The cohort; only the device's own cohort is allowed, which is the default.
      schema: { type: string }
    CohortPath:
      name: id
      in: path
      required: true
      description: The cohort's name (percent-encoded); only the trainer's own cohort is allowed.
      schema: { type: string }
    ExportFormat:
      name: format
      in: query
      required: true
      description: The export format.
      schema: { type: string, enum: [csv, json, geojson] }
    ExportSurvey:
      name: survey
      in: query
      required: false
      description: The survey id; may be left out when the cohort has exactly one survey.
      schema: { type: string }
  responses:
    BadRequest:
      description: "Malformed input: invalidJSON, invalidParameter, unsupportedProtocol, invalidSurvey, or invalidEncoding (a body sent as gzip that is not one complete gzip stream)."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    Unauthorized:
      description: "unauthorized: no token, or a wrong or revoked one."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    InvalidCode:
      description: "invalidCode: the enrollment code is unknown, used or expired."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    Forbidden:
      description: "forbidden: the device may not do this, e.g. another cohort or a participant on a trainer route."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    NotFound:
      description: "notFound: no such device or cohort."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    Conflict:
      description: "conflict: it exists already, e.g. a published survey version or a replica id in use."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    PayloadTooLarge:
      description: "payloadTooLarge (body over 8 MiB on the wire, or a gzip body that inflates past 8 MiB) or tooManyRecords (more than 1000 records in a push)."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    UnsupportedEncoding:
      description: "invalidEncoding: a Content-Encoding other than gzip or identity."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
    StorageUnavailable:
      description: "storageUnavailable: the database cannot be written now (full disk, read-only file); nothing was stored."
      content:
        application/json:
          schema: { $ref: "#/components/schemas/ErrorBody" }
  schemas:
    Health:
      type: object
      required: [status, protocolVersion]
      properties:
        status: { type: string, enum: [ok] }
        protocolVersion: { type: integer }
    ErrorBody:
      type: object
      required: [error]
      properties:
        error: { $ref: "#/components/schemas/ErrorDetail" }
    ErrorDetail:
      type: object
      required: [code, message]
      properties:
        code:
          type: string
          enum:
            - invalidJSON
            - invalidParameter
            - unsupportedProtocol
            - invalidEncoding
            - payloadTooLarge
            - tooManyRecords
            - invalidRecord
            - unknownSurvey
            - validationFailed
            - identityChanged
            - foreignReplica
            - invalidSurvey
            - unknownCollection
            - unauthorized
            - forbidden
            - notFound
            - invalidCode
            - conflict
            - storageUnavailable
            - internalError
        message: { type: string }
        issues:
          type: array
          description: For validationFailed, the problems per question.
          items: { $ref: "#/components/schemas/ValidationIssue" }
    ValidationIssue:
      type: object
      required: [question, code, message]
      properties:
        question: { type: string }
        code: { type: string }
        message: { type: string }
    ReplicaId:
      type: string
      pattern: "^[0-9a-fA-F]{32}$"
    Dot:
      type: string
      description: "<replica>:<counter>"
      pattern: "^[0-9a-fA-F]{32}:[1-9][0-9]*$"
    VersionVector:
      type: object
      description: Replica id to counter (at most 2^53).
      propertyNames: { $ref: "#/components/schemas/ReplicaId" }
      additionalProperties: { type: integer, minimum: 0 }
    FieldValue:
      description: Any JSON value.
    Sibling:
      type: object
      required: [dot, value, at]
      properties:
        dot: { $ref: "#/components/schemas/Dot" }
        value: { $ref: "#/components/schemas/FieldValue" }
        at: { type: integer, description: Milliseconds since 1970. }
    Register:
      type: array
      description: The concurrent values of one field, in canonical order.
      items: { $ref: "#/components/schemas/Sibling" }
    Deletion:
      type: object
      required: [deleted]
      properties:
        deleted: { type: boolean }
        seen:
          description: What the deleter had seen; absent (or null) for a restore.
          anyOf:
            - { $ref: "#/components/schemas/VersionVector" }
            - { type: "null" }
    DeletionSibling:
      type: object
      required: [dot, value, at]
      properties:
        dot: { $ref: "#/components/schemas/Dot" }
        value: { $ref: "#/components/schemas/Deletion" }
        at: { type: integer }
    Record:
      type: object
      required: [id, collection, cohort, owner, version]
      properties:
        id: { type: string, format: uuid }
        collection: { type: string, examples: [responses, households] }
        cohort: { type: string }
        survey: { type: [string, "null"], description: "Responses only; absent or null otherwise." }
        surveyVersion: { type: [integer, "null"], description: "Responses only; absent or null otherwise." }
        owner: { type: string }
        version: { $ref: "#/components/schemas/VersionVector" }
        fields:
          type: [object, "null"]
          description: Absent or null when the record has no field.
          additionalProperties: { $ref: "#/components/schemas/Register" }
        deleted:
          type: [array, "null"]
          description: The deletion register; absent or null when nobody deleted or restored the record.
          items: { $ref: "#/components/schemas/DeletionSibling" }
    PushRequest:
      type: object
      required: [records]
      properties:
        epoch:
          type: [string, "null"]
          description: The server epoch the client last knew; omit (or null) before the first pull.
        records:
          type: array
          maxItems: 1000
          items: { $ref: "#/components/schemas/Record" }
    PushResult:
      type: object
      required: [id, status]
      properties:
        id: { type: string, format: uuid }
        status: { type: string, enum: [accepted, rejected] }
        record: { $ref: "#/components/schemas/Record" }
        error: { $ref: "#/components/schemas/ErrorDetail" }
    PushResponse:
      type: object
      required: [epoch, results]
      properties:
        epoch: { type: string }
        results:
          type: array
          items: { $ref: "#/components/schemas/PushResult" }
    ChangesPage:
      type: object
      required: [records, cursor, hasMore, epoch]
      properties:
        records:
          type: array
          items: { $ref: "#/components/schemas/Record" }
        cursor: { type: string }
        hasMore: { type: boolean }
        epoch: { type: string }
    EnrollRequest:
      type: object
      required: [code, deviceName, replicaId]
      properties:
        code: { type: string, examples: [ABCD-EFGH-JK] }
        deviceName: { type: string }
        replicaId: { $ref: "#/components/schemas/ReplicaId" }
    EnrollResponse:
      type: object
      required: [token, deviceId, cohort, participant, role, epoch]
      properties:
        token: { type: string }
        deviceId: { type: string }
        cohort: { type: string }
        participant: { type: string }
        role: { $ref: "#/components/schemas/Role" }
        epoch: { type: string }
    Role:
      type: string
      enum: [participant, trainer]
    EnrollmentRequest:
      type: object
      required: [participant]
      properties:
        participant: { type: string }
        cohort: { type: [string, "null"], description: "The trainer's own cohort; absent or null for it." }
    EnrollmentGrant:
      type: object
      required: [code, cohort, participant, role, expiresAt]
      properties:
        code: { type: string }
        cohort: { type: string }
        participant: { type: string }
        role: { $ref: "#/components/schemas/Role" }
        expiresAt: { type: integer }
    Device:
      type: object
      required: [id, cohort, participant, role, name, replicaId, createdAt]
      properties:
        id: { type: string }
        cohort: { type: string }
        participant: { type: string }
        role: { $ref: "#/components/schemas/Role" }
        name: { type: string }
        replicaId: { $ref: "#/components/schemas/ReplicaId" }
        createdAt: { type: integer }
        revokedAt: { type: integer }
    DeviceList:
      type: object
      required: [devices]
      properties:
        devices:
          type: array
          items: { $ref: "#/components/schemas/Device" }
    SurveyDefinition:
      type: object
      required: [id, version, title, questions]
      properties:
        id: { type: string }
        version: { type: integer, minimum: 1 }
        title: { type: string }
        questions:
          type: array
          items:
            type: object
            required: [name, type, label]
            properties:
              name: { type: string }
              type: { type: string }
              label: { type: string }
              group: { type: string, description: "The label of the XLSForm group the question belongs to (a heading)." }
              requiredMessage: { type: string }
              default: { type: string, description: "The answer offered before one is typed, as typed text." }
    PublishedSurvey:
      type: object
      required: [cohort, publishedAt, definition]
      properties:
        cohort: { type: string }
        publishedAt: { type: integer }
        definition: { $ref: "#/components/schemas/SurveyDefinition" }
    SurveyList:
      type: object
      required: [surveys]
      properties:
        surveys:
          type: array
          items: { $ref: "#/components/schemas/PublishedSurvey" }
    GroupCount:
      type: object
      required: [name, final, drafts]
      properties:
        name: { type: string }
        final: { type: integer }
        drafts: { type: integer }
    QuestionReport:
      type: object
      required: [name, label, type, answered, skipped, notRelevant]
      properties:
        name: { type: string }
        label: { type: string }
        type: { type: string }
        answered: { type: integer }
        skipped: { type: integer }
        notRelevant: { type: integer }
        choices:
          type: array
          items:
            type: object
            required: [name, label, count]
            properties:
              name: { type: string }
              label: { type: string }
              count: { type: integer }
        numbers:
          type: object
          required: [count, values]
          properties:
            count: { type: integer }
            min: { type: number }
            max: { type: number }
            mean: { type: number }
            median: { type: number }
            values: { type: array, items: { type: number } }
        texts: { type: array, items: { type: string } }
        geopoints:
          type: object
          required: [count]
          properties:
            count: { type: integer }
            minLatitude: { type: number }
            maxLatitude: { type: number }
            minLongitude: { type: number }
            maxLongitude: { type: number }
    SurveyReport:
      type: object
      required: [survey, title, final, drafts, deleted, participants, streets, days, questions]
      properties:
        survey: { type: string }
        version: { type: integer }
        title: { type: string }
        final: { type: integer }
        drafts: { type: integer }
        deleted: { type: integer }
        participants: { type: array, items: { $ref: "#/components/schemas/GroupCount" } }
        streets: { type: array, items: { $ref: "#/components/schemas/GroupCount" } }
        days: { type: array, items: { $ref: "#/components/schemas/GroupCount" } }
        questions: { type: array, items: { $ref: "#/components/schemas/QuestionReport" } }
    CohortReport:
      type: object
      required: [surveys, households, openConflicts]
      properties:
        surveys: { type: array, items: { $ref: "#/components/schemas/SurveyReport" } }
        households:
          type: object
          required: [total, visited, coverage, outcomes, streets]
          properties:
            total: { type: integer }
            visited: { type: integer }
            coverage: { type: number, minimum: 0, maximum: 1 }
            outcomes:
              type: array
              items:
                type: object
                required: [outcome, count]
                properties:
                  outcome: { type: string }
                  count: { type: integer }
            streets:
              type: array
              items:
                type: object
                required: [street, total, visited]
                properties:
                  street: { type: string }
                  total: { type: integer }
                  visited: { type: integer }
        openConflicts:
          type: array
          items:
            type: object
            required: [id, collection, owner, fields, deletionContested]
            properties:
              id: { type: string, format: uuid }
              collection: { type: string }
              owner: { type: string }
              fields: { type: array, items: { type: string } }
              deletionContested: { type: boolean }
    ExportedResponse:
      type: object
      required: [id, survey, participant, status, answers]
      properties:
        id: { type: string, format: uuid }
        survey: { type: string }
        surveyVersion: { type: integer }
        participant: { type: string }
        created: { type: string, description: "When the interview started, ISO 8601 UTC." }
        updated: { type: string, description: "When the record last changed, ISO 8601 UTC." }
        status: { type: string, enum: [draft, final] }
        household: { type: string }
        answers:
          type: object
          additionalProperties: { $ref: "#/components/schemas/FieldValue" }
    DashboardLinkGrant:
      type: object
      required: [path, cohort, trainer, expiresAt]
      properties:
        path: { type: string, description: "/dashboard/login?link=<secret>" }
        url: { type: string, description: "The whole link, from the address the request reached." }
        cohort: { type: string }
        trainer: { type: string }
        expiresAt: { type: integer }

"""#
}
