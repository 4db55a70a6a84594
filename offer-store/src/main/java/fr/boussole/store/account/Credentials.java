package fr.boussole.store.account;

/**
 * What signing in needs of an account: the account as the console lists it, and its password hash
 * (delegating-encoder format), which nothing else reads.
 */
public record Credentials(AccountSummary account, String passwordHash) {

    @Override
    public String toString() {
        return "Credentials[" + account.id() + "]";
    }
}
