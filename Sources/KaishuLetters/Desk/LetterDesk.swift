import Foundation
import KaishuCore

/// Where the workbench and the command line get their letters: the configuration and the
/// templates, and one pure `draft` that turns a case into a document to review.
///
/// Nothing here reads a clock or a store: the case, today, the business calendar and the
/// email's stamp are parameters, so a preview is exactly what will be sent and the same case
/// always renders the same bytes (the golden-file tests rely on it). Sending goes through
/// `Mailer`; recording what was sent through `LetterRecord`.
///
/// ```swift
/// let desk = try LetterDesk.load(paths: LetterPaths(environment: env))
/// let letter = try desk.draft(
///     kind: .demand, format: .html, case: state, today: today, calendar: .japan)
/// try letter.document.write(to: out, atomically: true, encoding: .utf8)
/// ```
public struct LetterDesk: Sendable {
    public var config: LetterConfig
    public var templates: LetterTemplates

    public init(config: LetterConfig, templates: LetterTemplates) {
        self.config = config
        self.templates = templates
    }

    /// Reads `letters.json` and the templates (built-in, overridden by the user's folder).
    ///
    /// - Throws: `LetterError.config` or `LetterError.template`, naming the file.
    public static func load(paths: LetterPaths) throws -> LetterDesk {
        LetterDesk(
            config: try LetterConfig.load(from: paths.configFile),
            templates: try LetterTemplates.load(userDirectory: paths.templatesDirectory))
    }

    /// The mailer the configuration describes (a sendmail command, or the outbox folder).
    public func mailer(paths: LetterPaths) -> Mailer { Mailer(config: config, paths: paths) }

    // MARK: - Drafting

    /// Drafts the letter of `kind` for a case.
    ///
    /// - Parameters:
    ///   - format: `nil` for the kind's default (email: eml; demand and certified: text).
    ///   - language: `nil` for the configured language; certified mail is always Japanese.
    ///   - today: the letter's date; the payment deadline counts from it.
    ///   - calendar: moves the deadline past weekends, holidays and the year-end closure.
    ///   - deadline: a deadline chosen by hand instead of today + `paymentDays`.
    ///   - reminder: for emails, `nil` picks the first or second from the log.
    ///   - stamp: the email's Date and Message-ID token. The default reads the clock (this is
    ///     the program's edge); pass a fixed stamp for a reproducible draft, and keep the one a
    ///     preview was drafted with to send exactly what was shown.
    /// - Throws: `Refusal` when the case cannot have this letter (closed, nothing owed, no
    ///   email address); `LetterError` for an unsupported format or a broken template.
    public func draft(
        kind: LetterKind, format: LetterFormat? = nil, language: LetterLanguage? = nil,
        case state: CaseState, today: CivilDate, calendar: BusinessCalendar,
        deadline: CivilDate? = nil, reminder: EmailReminder? = nil,
        stamp: EmailStamp = .now()
    ) throws -> RenderedLetter {
        try draft(
            LetterRequest(
                kind: kind, format: format, language: language, today: today, deadline: deadline,
                reminder: reminder, stamp: stamp),
            case: state, calendar: calendar)
    }

    /// The same from a stored case file (folded here with `calendar`).
    public func draft(
        kind: LetterKind, format: LetterFormat? = nil, language: LetterLanguage? = nil,
        case file: CaseFile, today: CivilDate, calendar: BusinessCalendar,
        deadline: CivilDate? = nil, reminder: EmailReminder? = nil, stamp: EmailStamp
    ) throws -> RenderedLetter {
        try draft(
            kind: kind, format: format, language: language, case: CaseState(file: file, calendar: calendar),
            today: today, calendar: calendar, deadline: deadline, reminder: reminder, stamp: stamp)
    }

    /// Drafts the letter a request describes.
    public func draft(_ request: LetterRequest, case state: CaseState, calendar: BusinessCalendar) throws
        -> RenderedLetter
    {
        let kind = request.kind
        let format = request.format ?? kind.formats[0]
        guard kind.formats.contains(format) else {
            throw LetterError.unsupported(
                "a \(kind.rawValue) letter is written as \(kind.formats.map(\.rawValue).joined(separator: " or ")), not \(format.rawValue)"
            )
        }
        let language = request.language ?? (kind.languages.contains(config.language) ? config.language : .ja)
        guard kind.languages.contains(language) else {
            throw LetterError.unsupported(
                "a \(kind.rawValue) letter is \(kind.languages.map(\.rawValue).joined(separator: "/")) only: the post office accepts Latin letters only in proper nouns"
            )
        }
        if state.isClosed {
            throw Refusal("case \(state.id) is closed (\(state.stage.rawValue)): it sends no more letters")
        }
        guard state.outstanding.isPositive else {
            throw Refusal("case \(state.id) has nothing outstanding: there is nothing to demand")
        }
        if let deadline = request.deadline, deadline <= request.today {
            throw Refusal("the payment deadline \(deadline) must be after the letter's date \(request.today)")
        }

        let context = LetterContext(
            kind: kind, state: state, config: config, language: language, today: request.today,
            calendar: calendar, deadline: request.deadline)
        var warnings = config.placeholderWarnings
        if let expected = LetterKind(stage: state.stage), expected != kind {
            warnings.append(
                "case \(state.id) is at stage \(state.stage.rawValue), whose letter is \(expected.rawValue), not \(kind.rawValue)"
            )
        } else if LetterKind(stage: state.stage) == nil {
            warnings.append("case \(state.id) is at stage \(state.stage.rawValue), which sends no letter")
        }
        if state.disputed {
            warnings.append("the debtor disputes the debt: review the letter's wording before sending")
        }

        var letter = RenderedLetter(
            kind: kind, format: format, language: language, document: "",
            fileName: "case\(state.id)-\(kind.rawValue)-\(request.today.iso).\(format.fileExtension)",
            deadline: CivilDate(iso: context.deadlineISO)!, email: nil, certified: nil, warnings: warnings,
            context: context)
        switch kind {
        case .email:
            try renderEmail(into: &letter, state: state, request: request)
        case .demand:
            if !state.debtor.hasPostalAddress {
                letter.warnings.append("the debtor has no postal address: the letter cannot be posted as it is")
            }
            letter.document = try templates.render("demand-\(format.rawValue)-\(language.rawValue)", context)
        case .certified:
            try renderCertified(into: &letter, state: state, today: request.today)
        }
        return letter
    }
}

extension TimeZone {
    /// Asia/Tokyo: the zone letters are dated in unless configured otherwise.
    public static var tokyo: TimeZone { TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600)! }
}
