import Foundation

/// Free text entering the log (call notes, reasons): normalised to NFC and stripped of control
/// characters, so an escape sequence typed or pasted into a note can never reach a terminal raw.
/// The original characters are otherwise kept: the log is evidence.
public enum LogText {
    public static func clean(_ text: String) -> String {
        let scalars = text.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.properties.generalCategory {
            case .control,
                .format where scalar.value != 0x200D:
                return " "
            default:
                return scalar
            }
        }
        var result = String(String.UnicodeScalarView(scalars))
        while result.hasSuffix(" ") { result.removeLast() }
        while result.hasPrefix(" ") { result.removeFirst() }
        return result
    }
}
