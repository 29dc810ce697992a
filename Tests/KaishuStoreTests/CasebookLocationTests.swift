import Testing

@testable import KaishuStore

@Suite("Case book location")
struct CasebookLocationTests {
    @Test("the default case book follows XDG_DATA_HOME")
    func followsXDG() {
        #expect(
            CasebookLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"])
                == "/data/kaishu/casebook.sqlite")
    }

    @Test("without XDG_DATA_HOME the case book is under ~/.local/share")
    func fallsBackToHome() {
        #expect(
            CasebookLocation.defaultPath(environment: ["HOME": "/home/a"])
                == "/home/a/.local/share/kaishu/casebook.sqlite")
    }
}
