import Foundation

/// Where a file's bytes come from: a file on disk, read piece by piece, or bytes in memory.
enum ByteSource: Sendable {
    case path(String)
    case data(Data)
    /// Any reader (tests use it to fail in the middle of a file).
    case reader(name: String, open: @Sendable () -> any ByteReader)

    /// A fresh reader at the start of the bytes.
    func open() throws(ImportIssue) -> any ByteReader {
        switch self {
        case .data(let data):
            return DataByteReader(data: data)
        case .reader(_, let open):
            return open()
        case .path(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportIssue(line: 0, column: nil, reason: "cannot read \(path): no such file")
            }
            guard !isDirectory.boolValue else {
                throw ImportIssue(line: 0, column: nil, reason: "cannot read \(path): it is a directory")
            }
            do {
                return FileByteReader(handle: try FileHandle(forReadingFrom: URL(fileURLWithPath: path)))
            } catch {
                throw ImportIssue(line: 0, column: nil, reason: "cannot read \(path): \(error.localizedDescription)")
            }
        }
    }

    var name: String {
        switch self {
        case .data: "the data"
        case .path(let path): path
        case .reader(let name, _): name
        }
    }
}

/// Reads up to `maxCount` bytes at a time; an empty result means the end.
protocol ByteReader: AnyObject {
    func read(maxCount: Int) throws -> [UInt8]
}

final class DataByteReader: ByteReader {
    private let data: Data
    private var offset: Int

    init(data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    func read(maxCount: Int) -> [UInt8] {
        let end = min(data.endIndex, offset + maxCount)
        defer { offset = end }
        return [UInt8](data[offset..<end])
    }
}

final class FileByteReader: ByteReader {
    private let handle: FileHandle

    init(handle: FileHandle) { self.handle = handle }

    deinit { try? handle.close() }

    func read(maxCount: Int) throws -> [UInt8] {
        guard let data = try handle.read(upToCount: maxCount) else { return [] }
        return [UInt8](data)
    }
}

/// Cuts a byte stream into chunks that end just after a line break (CR or LF).
///
/// A chunk cut there never splits a character: in UTF-8 every byte of a multi-byte
/// character is ≥ 0x80, and in CP932 a trail byte is 0x40…0xFC, so 0x0A and 0x0D are always
/// line breaks. Each chunk can therefore be decoded on its own. A line longer than the chunk
/// size makes a longer chunk (the reader keeps reading until the line ends); a quoted field
/// with line breaks may still be split over chunks, which the CSV parser's state carries.
final class LineChunker {
    private let reader: any ByteReader
    private let chunkSize: Int
    private var carry: [UInt8] = []
    private var atEnd = false
    /// Bytes handed out so far.
    private(set) var offset = 0

    init(reader: any ByteReader, chunkSize: Int) {
        self.reader = reader
        self.chunkSize = max(1, chunkSize)
    }

    /// The next chunk, or `nil` at the end of the bytes.
    func next() throws -> [UInt8]? {
        while true {
            if atEnd {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                offset += carry.count
                return carry
            }
            let bytes = try reader.read(maxCount: chunkSize)
            if bytes.isEmpty {
                atEnd = true
                continue
            }
            guard let cut = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
                carry.append(contentsOf: bytes)
                continue
            }
            var chunk = carry
            carry = []
            chunk.append(contentsOf: bytes[...cut])
            carry.append(contentsOf: bytes[(cut + 1)...])
            offset += chunk.count
            return chunk
        }
    }
}
