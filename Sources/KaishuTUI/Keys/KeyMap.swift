import KaishuCore

/// One row of the key table: keys, where they apply, what they do, and the words that explain it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var context: KeyContext
    public var command: Command
    public var help: String
    /// A short label for the hint line at the bottom of the screen (`nil`: not hinted).
    public var hint: String?
    /// How the keys are written when a list would be clumsy (`1`–`8`).
    public var label: String?
    /// The binding catches every key the context does not bind (`anything else cancels`).
    public var catchAll: Bool

    public init(
        _ keys: [Key], _ context: KeyContext, _ command: Command, _ help: String, hint: String? = nil,
        label: String? = nil, catchAll: Bool = false
    ) {
        self.keys = keys
        self.context = context
        self.command = command
        self.help = help
        self.hint = hint
        self.label = label
        self.catchAll = catchAll
    }

    /// The keys as the help overlay writes them: `j, Down`.
    public var keyLabel: String {
        if let label { return label }
        if catchAll && keys.isEmpty { return "other" }
        return keys.map(\.name).joined(separator: ", ")
    }
}

/// The key table: the single source of truth for what every key does.
///
/// `update` dispatches through `command(for:in:)`, and the help overlay (`?`), the hint line and
/// `kaishu keys --markdown` (docs/keys.md) are all generated from `bindings`, so the
/// documentation cannot drift from the behaviour. A test checks that docs/keys.md is current.
public struct KeyMap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command `key` triggers, trying `contexts` in order. Within a context an explicit
    /// binding wins over a catch-all. With `textEntry`, the first context is a text field's:
    /// global bindings are consulted only for keys that cannot be typed (Ctrl-C, F1 …), before
    /// the field's catch-all takes the key as text.
    public func command(for key: Key, in contexts: [KeyContext], textEntry: Bool = false) -> Command? {
        if textEntry, let field = contexts.first {
            if let command = explicit(key, in: field) { return command }
            if !key.isTypable, let command = explicit(key, in: .global) { return command }
            if let command = catchAll(in: field) { return command }
            return nil
        }
        for context in contexts {
            if let command = explicit(key, in: context) { return command }
            if let command = catchAll(in: context) { return command }
        }
        return nil
    }

    private func explicit(_ key: Key, in context: KeyContext) -> Command? {
        guard let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) })
        else { return nil }
        if case .pickIndex = binding.command, let index = binding.keys.firstIndex(of: key) {
            return .pickIndex(index)
        }
        return binding.command
    }

    private func catchAll(in context: KeyContext) -> Command? {
        bindings.first { $0.context == context && $0.catchAll }?.command
    }

    public func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// The first key bound to `command` in `context`, for messages like "press e to escalate".
    public func key(for command: Command, in context: KeyContext) -> Key? {
        bindings.first { $0.context == context && $0.command == command }?.keys.first
    }

    /// `(key label, hint)` pairs for the hint line, in table order.
    public func hints(in contexts: [KeyContext]) -> [(key: String, hint: String)] {
        contexts.flatMap { context in
            bindings(in: context).compactMap { binding in
                binding.hint.map { (binding.keys.first?.name ?? binding.keyLabel, $0) }
            }
        }
    }
}

extension KeyMap {
    /// The workbench's keys.
    public static let standard = KeyMap(bindings: [
        // Anywhere
        KeyBinding([.char("?"), .function(1)], .global, .help, "Show this help", hint: "help"),
        KeyBinding([.ctrl("c")], .global, .quit, "Quit Kaishu (unsaved input is lost; a call note is kept as a draft)"),
        KeyBinding([.ctrl("z")], .global, .suspend, "Suspend to the shell; `fg` brings Kaishu back"),
        KeyBinding([.ctrl("l")], .global, .redraw, "Redraw the screen"),

        // Moving around
        KeyBinding([.char("j"), .down], .navigation, .moveDown, "Next case (queue) / scroll down (case)"),
        KeyBinding([.char("k"), .up], .navigation, .moveUp, "Previous case (queue) / scroll up (case)"),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .navigation, .pageDown, "Page down"),
        KeyBinding([.pageUp, .ctrl("b")], .navigation, .pageUp, "Page up"),
        KeyBinding([.char("g"), .home], .navigation, .top, "Go to the top"),
        KeyBinding([.char("G"), .end], .navigation, .bottom, "Go to the bottom"),

        // Working a case
        KeyBinding([.char("c")], .caseActions, .logContact, "Log a call: pick the outcome, then a note", hint: "call"),
        KeyBinding(
            [.char("e")], .caseActions, .escalate, "Escalate to the next stage (shows its legal effect first)",
            hint: "escalate"),
        KeyBinding([.char("E")], .caseActions, .deescalate, "De-escalate to a lower stage, with a reason"),
        KeyBinding(
            [.char("p")], .caseActions, .payment, "Record a payment (a partial payment renews limitation)", hint: "pay"),
        KeyBinding(
            [.char("a")], .caseActions, .acknowledge, "Record an acknowledgment of the debt (renews limitation)"),
        KeyBinding(
            [.char("A")], .caseActions, .legalFact(.agreement),
            "Record a written agreement to negotiate (協議の合意, 民法151条)"),
        KeyBinding(
            [.char("X")], .caseActions, .legalFact(.refusal),
            "Record a written refusal to negotiate further (民法151条1項3号)"),
        KeyBinding(
            [.char("D")], .caseActions, .legalFact(.demandDelivered),
            "Record a demand's delivery (配達証明): postpones limitation 6 months, once"),
        KeyBinding(
            [.char("J")], .caseActions, .legalFact(.judgment),
            "Record a final judgment or equivalent (10 years, 民法169条)"),
        KeyBinding(
            [.char("S")], .caseActions, .legalFact(.courtStep(.paymentOrderServed)),
            "Record the payment order's next step: served, provisional execution applied, declaration served"),
        KeyBinding([.char("d")], .caseActions, .toggleDispute, "Mark disputed / resolve the dispute"),
        KeyBinding([.char("h")], .caseActions, .toggleHold, "Put on hold / release the hold"),
        KeyBinding([.char("s")], .caseActions, .reschedule, "Reschedule the next action"),
        KeyBinding(
            [.char("l")], .caseActions, .previewLetter,
            "Preview the letter of the case's stage (email, 督促状, 内容証明) to write, edit, send or record it",
            hint: "letter"),

        // Queue
        KeyBinding([.enter, .right], .queue, .open, "Open the highlighted case", hint: "open"),
        KeyBinding(
            [.char("/")], .queue, .filter, "Filter by debtor name, kana or code (Japanese works)", hint: "filter"),
        KeyBinding([.char("o")], .queue, .cycleOrder, "Sort order: urgency, limitation, amount, debtor", hint: "sort"),
        KeyBinding([.char("t")], .queue, .toggleScope, "Today's queue / all open cases"),
        KeyBinding(
            [.char("n")], .queue, .nextCase,
            "Team: claim and open the next free case (alone: open the highlighted case)"),
        KeyBinding([.char("r")], .queue, .refresh, "Reload the queue from the case book"),
        KeyBinding([.escape], .queue, .back, "Clear the filter"),
        KeyBinding([.char("q")], .queue, .quit, "Quit Kaishu", hint: "quit"),

        // Case
        KeyBinding([.escape, .char("q"), .left], .caseDetail, .back, "Back to the queue", hint: "back"),
        KeyBinding(
            [.char("]"), .char("n")], .caseDetail, .nextCase, "Next case in the queue (team: claim the next free case)"),
        KeyBinding([.char("["), .char("N")], .caseDetail, .previousCase, "Previous case in the queue"),
        KeyBinding([.char("r")], .caseDetail, .refresh, "Reload the case"),

        // Outcome picker
        KeyBinding([.char("1")], .outcomePicker, .pickOutcome(.noAnswer), "No answer (next action: next business day)"),
        KeyBinding(
            [.char("2")], .outcomePicker, .pickOutcome(.leftMessage),
            "Left a message (next action: in two business days)"),
        KeyBinding(
            [.char("3")], .outcomePicker, .pickOutcome(.promised), "Promised to pay: then the date and the amount"),
        KeyBinding([.char("4")], .outcomePicker, .pickOutcome(.refused), "Refused to pay"),
        KeyBinding(
            [.char("5")], .outcomePicker, .pickOutcome(.disputed), "Disputes the debt (marks the case disputed)"),
        KeyBinding([.char("6")], .outcomePicker, .pickOutcome(.wrongNumber), "Wrong number"),
        KeyBinding(
            [.char("7")], .outcomePicker, .pickOutcome(.callback), "Asked for a callback: then the date and time"),
        KeyBinding(
            [.char("8")], .outcomePicker, .pickOutcome(.saysPaid),
            "Says already paid (next action: in three business days)"),
        KeyBinding([], .outcomePicker, .cancel, "Cancel", label: "Esc, other", catchAll: true),

        // Stage picker (de-escalation)
        KeyBinding(
            (1...9).map { .char(Character(String($0))) }, .stagePicker, .pickIndex(0),
            "Choose the numbered stage, then give a reason", label: "1-9"),
        KeyBinding([], .stagePicker, .cancel, "Cancel", label: "Esc, other", catchAll: true),

        // Escalation dialog
        KeyBinding([.char("y")], .escalation, .confirm, "Escalate to the highlighted stage"),
        KeyBinding(
            [.char("!")], .escalation, .confirmOverride,
            "Escalate despite a dispute or hold (recorded as an override)"),
        KeyBinding(
            (1...4).map { .char(Character(String($0))) }, .escalation, .pickIndex(0),
            "Choose the legal route (from certified mail)", label: "1-4"),
        KeyBinding([.char("j"), .down, .tab], .escalation, .moveDown, "Next legal route"),
        KeyBinding([.char("k"), .up, .backTab], .escalation, .moveUp, "Previous legal route"),
        KeyBinding([], .escalation, .cancel, "Cancel: nothing is recorded", label: "any other key", catchAll: true),

        // Forms
        KeyBinding([.enter], .form, .submit, "Next field; on the last field, save", hint: "save"),
        KeyBinding([.tab, .down], .form, .nextField, "Next field"),
        KeyBinding([.backTab, .up], .form, .previousField, "Previous field"),
        KeyBinding([.escape], .form, .cancel, "Cancel (nothing is saved)", hint: "cancel"),
        KeyBinding(
            [.left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("b"), .ctrl("f")], .form, .edit,
            "Move the cursor (by whole characters, also wide ones)", label: "Left, Right, Home, End, Ctrl-A, Ctrl-E"),
        KeyBinding(
            [.backspace, .delete, .ctrl("h"), .ctrl("d"), .ctrl("u"), .ctrl("k"), .ctrl("w")], .form, .edit,
            "Delete: character before / under the cursor, to start (Ctrl-U), to end (Ctrl-K), word (Ctrl-W)",
            label: "Backspace, Delete, Ctrl-U, Ctrl-K, Ctrl-W"),
        KeyBinding(
            [], .form, .insert, "Type text; Japanese input methods and paste work", label: "other", catchAll: true),

        // Quiet-hours question
        KeyBinding([.char("y")], .quietHours, .confirm, "Save the call anyway (the debtor asked for this time)"),
        KeyBinding(
            [], .quietHours, .cancel, "Back to the note: nothing is saved, every character is kept", label: "other",
            catchAll: true),

        // Filter line
        KeyBinding([.enter], .filter, .submit, "Apply the filter (empty clears it)"),
        KeyBinding([.escape], .filter, .cancel, "Cancel"),
        KeyBinding(
            [
                .left, .right, .home, .end, .backspace, .delete, .ctrl("a"), .ctrl("e"), .ctrl("u"), .ctrl("k"),
                .ctrl("w"),
            ],
            .filter, .edit, "Edit the filter text", label: "Left, Right, Backspace, Ctrl-U …"),
        KeyBinding([], .filter, .insert, "Type the text to look for", label: "other", catchAll: true),

        // Letter pane
        KeyBinding([.char("j"), .down], .letter, .moveDown, "Scroll down"),
        KeyBinding([.char("k"), .up], .letter, .moveUp, "Scroll up"),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .letter, .pageDown, "Page down"),
        KeyBinding([.pageUp, .ctrl("b")], .letter, .pageUp, "Page up"),
        KeyBinding([.char("g"), .home], .letter, .top, "Go to the top"),
        KeyBinding([.char("G"), .end], .letter, .bottom, "Go to the bottom"),
        KeyBinding(
            [.char("w")], .letter, .writeLetter, "Write the letter to a file in the letters folder (says where)"),
        KeyBinding(
            [.char("E"), .char("o")], .letter, .editLetter, "Open the letter's file in $EDITOR, then show it again"),
        KeyBinding(
            [.char("s")], .letter, .sendLetter,
            "Send the email (asks y); recorded with its Message-ID only if really sent"),
        KeyBinding(
            [.char("r")], .letter, .recordLetter,
            "Record the printed/posted letter as sent today (asks y; moves the case up to the letter's stage first)"),
        KeyBinding(
            [.char("D")], .letter, .legalFact(.demandDelivered),
            "Certified mail: record its delivery date (shows what it does to limitation first)"),
        KeyBinding([.char("y")], .letter, .confirm, "Yes: send or record, after s or r"),
        KeyBinding([.escape, .char("q")], .letter, .back, "Close the pane (or cancel the question)"),
        KeyBinding(
            [], .letter, .cancel, "Cancels a question (nothing is sent or recorded)", label: "other", catchAll: true),

        // Help
        KeyBinding([.char("j"), .down], .help, .moveDown, "Scroll down"),
        KeyBinding([.char("k"), .up], .help, .moveUp, "Scroll up"),
        KeyBinding([.pageDown, .char(" ")], .help, .pageDown, "Page down"),
        KeyBinding([.pageUp], .help, .pageUp, "Page up"),
        KeyBinding([], .help, .cancel, "Close the help", label: "other", catchAll: true),

        // First run
        KeyBinding([.char("d")], .firstRun, .createDemo, "Create the demo case book", hint: "demo"),
        KeyBinding([.char("i")], .firstRun, .showImportHelp, "How to import your receivables (CSV)", hint: "import"),
        KeyBinding([.char("q"), .escape], .firstRun, .quit, "Quit", hint: "quit"),
    ])
}
