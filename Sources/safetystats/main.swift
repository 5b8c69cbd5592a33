import ArgumentParser
import Foundation

// Exit codes are part of the contract (PRODUCT.md): 0 success, 1 input or data error, 2 usage.
// ArgumentParser's own usage failures exit 64, so the entry point maps them.
do {
    var command = try SafetyStatsCommand.parseAsRoot()
    try command.run()
} catch let failure as DataFailure {
    TerminalText.printError(failure.message)
    exit(failure.exitCode)
} catch let status as ExitCode {
    // A command that said everything already and only sets the status (diff: 1 = figures changed).
    exit(status.rawValue)
} catch let notYet as NotAvailable {
    TerminalText.printError(notYet.message)
    exit(2)
} catch {
    let code = SafetyStatsCommand.exitCode(for: error)
    let message = SafetyStatsCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    TerminalText.printError(message)
    exit(code == .validationFailure ? 2 : code.rawValue)
}
