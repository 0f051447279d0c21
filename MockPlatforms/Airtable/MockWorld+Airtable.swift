import Foundation

extension MockWorld {
    /// Runs a change to the Airtable state under the world's lock, all or nothing: when `body` throws, nothing
    /// it changed is kept, not even the ids it minted. `body` also gets the virtual now as Airtable writes it.
    func changeAirtable<T>(
        _ body: (inout AirtableState, inout AirtableIDMinter, String) throws(AirtableError) -> T
    ) throws(AirtableError) -> T {
        let result: Result<T, AirtableError> = withState { state in
            var airtable = state.airtable ?? AirtableState()
            var minter = AirtableIDMinter(seed: state.seed, minted: state.minted)
            let now = AirtableTime.format(state.now)
            let result = Result { () throws(AirtableError) -> T in try body(&airtable, &minter, now) }
            if case .success = result {
                state.airtable = airtable
                state.minted = minter.minted
            }
            return result
        }
        return try result.get()
    }

    /// Reads the Airtable state under the world's lock.
    func readAirtable<T>(_ body: (AirtableState) throws(AirtableError) -> T) throws(AirtableError) -> T {
        let result: Result<T, AirtableError> = withState { state in
            Result { () throws(AirtableError) -> T in try body(state.airtable ?? AirtableState()) }
        }
        return try result.get()
    }

    /// Removes one base, or every base when `base` is `nil`.
    func resetAirtable(base: String?) {
        withState { state in
            guard let base else {
                state.airtable = nil
                return
            }
            state.airtable?.bases.removeAll { $0.id == base }
            state.airtable?.iterators.removeAll()
            state.airtable?.iteratorOrder.removeAll()
        }
    }
}
