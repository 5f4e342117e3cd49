import Foundation
import ZIPFoundation

/// A version's files as one zip, made in memory (dated when the version was saved, so the same
/// version always gives the same zip).
enum ZipFiles {
    static func make(_ files: [String: String], date: Date) throws(PageError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for name in files.keys.sorted() {
                let data = Data(files[name]!.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw PageError(.internalServerError, "The zip could not be made.") }
            return data
        } catch let error as PageError {
            throw error
        } catch {
            throw PageError(.internalServerError, "The zip could not be made: \(error).")
        }
    }
}
