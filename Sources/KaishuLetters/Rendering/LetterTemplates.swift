import Foundation
import Mustache

/// The Mustache templates letters are written with: Kaishu's own, shipped as resources of this
/// module, and the user's copies in `$XDG_CONFIG_HOME/kaishu/templates/`, where a file with the
/// same name wins (like a theme folder).
///
/// Templates are found by name: `email-first-ja.mustache`, `demand-html-en.mustache` … (the
/// list is in docs/letters.md). Every template except the `*-html*` ones renders text
/// without HTML escaping; HTML templates escape `{{value}}` and leave `{{{value}}}` alone.
/// Partials (`{{> name}}`) are looked up the same way.
public struct LetterTemplates: Sendable {
    let library: MustacheLibrary
    /// Template name → the file it was loaded from.
    public let files: [String: String]
    /// The folders searched, the user's first.
    public let searched: [String]

    /// The names every template set provides.
    public static let names = [
        "email-first-ja", "email-second-ja", "email-first-en", "email-second-en",
        "demand-text-ja", "demand-text-en", "demand-html-ja", "demand-html-en", "html-style",
        "certified-ja", "certified-html",
    ]

    /// Loads the built-in templates, then the user's from `userDirectory` (if it exists).
    ///
    /// - Throws: `LetterError.template` for a template that does not parse, naming its file,
    ///   line and column; `LetterError.missingTemplate` when the built-in ones cannot be found.
    public static func load(userDirectory: URL?) throws -> LetterTemplates {
        let builtIn = try builtInDirectory()
        var sources = try files(in: builtIn)
        var searched = [builtIn.path]
        if let userDirectory, FileManager.default.fileExists(atPath: userDirectory.path) {
            searched.insert(userDirectory.path, at: 0)
            for (name, url) in try files(in: userDirectory) { sources[name] = url }
        }
        var texts: [String: (text: String, file: String)] = [:]
        for (name, url) in sources {
            do {
                texts[name] = (try String(contentsOf: url, encoding: .utf8), url.path)
            } catch {
                throw LetterError.template(name: name, file: url.path, reason: "cannot be read as UTF-8 text")
            }
        }
        return try LetterTemplates(texts: texts, searched: searched)
    }

    /// Templates from text, for tests and for the workbench's preview of an edited template.
    public init(templates: [String: String]) throws {
        try self.init(texts: templates.mapValues { ($0, "(in memory)") }, searched: ["(in memory)"])
    }

    init(texts: [String: (text: String, file: String)], searched: [String]) throws {
        var library = MustacheLibrary()
        var files: [String: String] = [:]
        for (name, source) in texts {
            // Text templates render without HTML escaping. The pragma goes on the first line,
            // so parser line numbers stay those of the file.
            let text = name.contains("html") ? source.text : "{{% CONTENT_TYPE: TEXT }}" + source.text
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LetterError.template(
                    name: name, file: source.file,
                    reason:
                        "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error) in “\(error.context.line)”"
                )
            } catch {
                throw LetterError.template(name: name, file: source.file, reason: "\(error)")
            }
            files[name] = source.file
        }
        self.library = library
        self.files = files
        self.searched = searched
    }

    /// Renders template `name` with `context`.
    public func render(_ name: String, _ context: Any) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw LetterError.missingTemplate(name: name, searched: searched)
        }
        return output
    }

    /// `name → file` for the `.mustache` files of a folder.
    static func files(in directory: URL) throws -> [String: URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var found: [String: URL] = [:]
        for file in names where file.hasSuffix(".mustache") {
            found[String(file.dropLast(".mustache".count))] = directory.appendingPathComponent(file)
        }
        return found
    }

    /// The folder of the built-in templates: the module's resource bundle next to the
    /// executable (or the test bundle), else the source tree this was built from.
    public static func builtInDirectory() throws -> URL {
        let bundleNames = ["Kaishu_KaishuLetters.resources", "Kaishu_KaishuLetters.bundle"]
        var places = [Bundle.main.bundleURL, Bundle.main.resourceURL].compactMap { $0 }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            places.append(executable.deletingLastPathComponent())
        }
        var candidates: [URL] = []
        for place in places {
            for name in bundleNames {
                let bundle = place.appendingPathComponent(name)
                candidates.append(bundle.appendingPathComponent("Templates"))
                candidates.append(bundle.appendingPathComponent("Contents/Resources/Templates"))
            }
        }
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Templates"))
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("certified-ja.mustache").path) {
            return candidate
        }
        throw LetterError.missingTemplate(
            name: "certified-ja",
            searched: ["Kaishu_KaishuLetters.resources next to the kaishu binary (install it with the binary)"])
    }
}
