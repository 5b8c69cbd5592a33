import ArgumentParser
import Foundation

// Exit codes are part of the contract (PRODUCT.md): 0 success, 1 input or data error, 2 usage.
// ArgumentParser's own usage failures exit 64, so the entry point maps them.
do {
    var command = try SafetyStatsCommand.parseAsRoot()
    try command.run()
} catch let failure as DataFailure {
    FileHandle.standardError.write(Data((failure.message + "\n").utf8))
    exit(1)
} catch let notYet as NotAvailable {
    FileHandle.standardError.write(Data((notYet.message + "\n").utf8))
    exit(2)
} catch {
    let code = SafetyStatsCommand.exitCode(for: error)
    let message = SafetyStatsCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code == .validationFailure ? 2 : code.rawValue)
}
