package fr.boussole.store.account;

import fr.boussole.core.ids.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Set-password links for new accounts (and for the first administrator, from the command line): a
 * random 256-bit token, stored hashed, single use, expiring, renewable. Issuing a link for an account
 * spends the ones issued before, so only the latest works.
 */
@Service
public class Invitations {

    private final MongoTemplate mongo;
    private final Accounts accounts;
    private final Clock clock;

    Invitations(MongoTemplate mongo, Accounts accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new link for the account, valid for {@code validity}; the account's earlier links stop working. Returns the token. */
    public String issue(String accountId, Duration validity) {
        Instant now = clock.instant();
        revoke(accountId);
        String token = Tokens.newToken();
        mongo.insert(new AccountInvitation(Tokens.hash(token), accountId, now, now.plus(validity), null));
        return token;
    }

    /** Spends every link of the account not used yet (a newer link, or the account deactivated). */
    public void revoke(String accountId) {
        mongo.updateMulti(new Query(Criteria.where("accountId").is(accountId).and("spentAt").is(null)),
                new Update().set("spentAt", clock.instant()), AccountInvitation.class);
    }

    /** The account whose password this token may still set (active or not: the console decides what to show). */
    public Optional<Account> pending(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findById(Tokens.hash(token), AccountInvitation.class))
                .filter(i -> i.usableAt(now))
                .flatMap(i -> accounts.findById(i.accountId()))
                .filter(Account::isActive);
    }

    /**
     * Spends the token and sets the password hash of its account; empty when the token is unknown, spent,
     * expired, or its account deactivated. Two submissions of one link cannot both succeed: spending is
     * one atomic step.
     */
    public Optional<Account> accept(String token, String passwordHash) {
        if (!Tokens.wellFormed(token) || passwordHash == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AccountInvitation spent = mongo.findAndModify(
                new Query(Criteria.where("_id").is(Tokens.hash(token)).and("spentAt").is(null).and("expiresAt").gt(now)),
                new Update().set("spentAt", now), AccountInvitation.class);
        if (spent == null) {
            return Optional.empty();
        }
        return accounts.findById(spent.accountId()).filter(Account::isActive).map(account -> {
            account.setPasswordHash(passwordHash);
            return accounts.save(account);
        });
    }

    /** Deletes links that expired before {@code limit} (they hold no personal data, but need not pile up). */
    public long purgeExpiredBefore(Instant limit) {
        return mongo.remove(new Query(Criteria.where("expiresAt").lt(limit)), AccountInvitation.class).getDeletedCount();
    }
}
