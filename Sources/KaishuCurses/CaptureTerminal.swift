import Foundation
import Glibc
import KaishuTUI

/// A terminal that is a file, for the benchmark and its floor: ncurses writes an
/// `xterm-256color` screen of `size` into it (input is `/dev/null`), and `written` counts the
/// bytes it sent. Both sides of a bytes-per-key comparison must see the same terminal, so they
/// share this set-up. The file is removed on `close`.
final class CaptureTerminal {
    let output: UnsafeMutablePointer<FILE>
    let input: UnsafeMutablePointer<FILE>
    private let path: String

    init(size: Size, name: String) throws {
        setenv("TERM", "xterm-256color", 1)
        setenv("LINES", String(size.rows), 1)
        setenv("COLUMNS", String(size.columns), 1)
        path = NSTemporaryDirectory() + "kaishu-\(name)-\(getpid()).out"
        guard let output = fopen(path, "w+") else { throw WorkbenchError("cannot open the output file \(path)") }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            unlink(path)
            throw WorkbenchError("cannot open /dev/null")
        }
        self.output = output
        self.input = input
    }

    /// Bytes ncurses has written so far.
    func written() -> Int {
        fflush(output)
        return Int(ftell(output))
    }

    func close() {
        fclose(output)
        fclose(input)
        unlink(path)
    }
}
