package fr.boussole.store.account;

import fr.boussole.store.scope.Scope;
import fr.boussole.core.ids.Ids;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Console accounts as the console reads and changes them, always within a {@link Scope}: an
 * administrator every account, an animateur the animateurs and professionals of their territory, a
 * professional the accounts of their organisation. Accounts are created by invitation: no password is
 * chosen for anyone; the invited person sets it through a single-use link ({@link Invitations}).
 * Who may give which role: {@link AccountRole#mayGrant}. An account never changes or deactivates itself
 * here, so the last administrator cannot lock everyone out by a slip.
 */
@Service
public class AccountService {

    /** What an email address must look like: one @, no spaces, a dot in the domain; 254 characters at most. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Accounts accounts;
    private final Organisations organisations;
    private final Territories territories;
    private final Invitations invitations;
    private final InvitationSettings settings;
    private final MongoTemplate mongo;
    private final Clock clock;

    AccountService(Accounts accounts, Organisations organisations, Territories territories, Invitations invitations,
                   InvitationSettings settings, MongoTemplate mongo, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.territories = territories;
        this.invitations = invitations;
        this.settings = settings;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An account just created or re-invited, with the token of its set-password link. */
    public record Invited(AccountSummary account, String token) {}

    /** Who to invite: the binding must fit the role (an organisation for a professional, a territory for an animateur). */
    public record NewAccount(String email, String displayName, AccountRole role, String territoryId, String organisationId) {}

    /** The accounts this scope covers, by email. */
    public List<AccountSummary> visibleTo(Scope scope) {
        List<Account> found = switch (scope) {
            case Scope.National n -> accounts.findAll();
            case Scope.OfTerritory t -> Stream.concat(accounts.findByTerritoryId(t.territoryId()).stream(),
                    organisations.findByTerritoryId(t.territoryId()).stream()
                            .flatMap(o -> accounts.findByOrganisationId(o.getId()).stream())).toList();
            case Scope.OfOrganisation o -> accounts.findByOrganisationId(o.organisationId());
            case Scope.Nowhere x -> List.of();
        };
        Map<String, String> territoryOfOrganisation = organisationTerritories(found);
        return found.stream().filter(a -> covers(scope, a, territoryOfOrganisation.get(a.getOrganisationId())))
                .map(a -> summary(a, territoryOfOrganisation)).sorted(Comparator.comparing(AccountSummary::email)).toList();
    }

    /** For signing in: the account with this email (case-insensitive), with its password hash. */
    public Optional<Credentials> credentials(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .map(a -> new Credentials(summary(a, organisationTerritories(List.of(a))), a.getPasswordHash()));
    }

    /** Replaces the password hash (delegating-encoder format); setting a password counts as a sign-in. */
    public void changePassword(String accountId, String passwordHash, Instant at) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        account.setPasswordHash(passwordHash);
        account.loginSucceeded(at);
        accounts.save(account);
    }

    /** The account, if this scope covers it; absent otherwise. */
    public Optional<AccountSummary> find(Scope scope, String accountId) {
        return covered(scope, accountId).map(this::summary);
    }

    /**
     * Creates an account and its set-password link. An animateur invites professionals of the organisations
     * of their territory; only an administrator creates animateurs and administrators.
     */
    public Invited invite(Scope scope, String actorId, NewAccount request) {
        return invite(scope, actorId, request, Ids.random("ac"));
    }

    /** The same with a chosen id (the demo data's fixed ids). */
    public Invited invite(Scope scope, String actorId, NewAccount request, String id) {
        String email = normalisedEmail(request.email());
        String displayName = request.displayName() == null ? "" : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 120) {
            throw new ChangeRefused("account.name");
        }
        checkBinding(scope, request.role(), request.territoryId(), request.organisationId());
        if (accounts.findByEmail(email).isPresent()) {
            throw new ChangeRefused("account.exists", email);
        }
        Account account = Account.invited(id, email, displayName, request.role(), request.territoryId(),
                request.organisationId());
        account.created(actorId, clock.instant());
        accounts.insert(account);
        syncAnimateurs(null, account);
        return new Invited(summary(account), invitations.issue(account.getId(), settings.invitationValidity()));
    }

    /** A new set-password link for an account of this scope; its earlier links stop working. */
    public Invited renewInvitation(Scope scope, String actorId, String accountId) {
        Account account = changeable(scope, actorId, accountId);
        if (!account.isActive()) {
            throw new ChangeRefused("account.inactive");
        }
        return new Invited(summary(account), invitations.issue(account.getId(), settings.invitationValidity()));
    }

    /** Gives an account of this scope another role or binding, within what this scope may grant. */
    public AccountSummary change(Scope scope, String actorId, String accountId, AccountRole role, String territoryId,
                                 String organisationId) {
        Account account = changeable(scope, actorId, accountId);
        checkBinding(scope, role, territoryId, organisationId);
        String wasAnimateurOf = animateurOf(account);
        account.assign(role, territoryId, organisationId);
        accounts.save(account);
        syncAnimateurs(wasAnimateurOf, account);
        return summary(account);
    }

    /**
     * Stops an account of this scope from signing in. Its open sessions end at their next request: the
     * console compares each session with the stored account.
     */
    public AccountSummary deactivate(Scope scope, String actorId, String accountId) {
        Account account = changeable(scope, actorId, accountId);
        account.setActive(false);
        accounts.save(account);
        invitations.revoke(account.getId());
        return summary(account);
    }

    /** Lets a deactivated account of this scope sign in again (with its old password, or by a new invitation). */
    public AccountSummary reactivate(Scope scope, String actorId, String accountId) {
        Account account = changeable(scope, actorId, accountId);
        account.setActive(true);
        accounts.save(account);
        return summary(account);
    }

    /** Notes a successful sign-in (shown as "last sign-in"); one atomic write, whatever else changes the account. */
    public void signedIn(String accountId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(accountId)), new Update().set("lastLoginAt", clock.instant()),
                Account.class);
    }

    /**
     * The administrator with this email, created if need be (reactivated if deactivated), with a new
     * set-password link: the command line's way in, for the first administrator or one who lost access.
     * Refused when the email belongs to an account of another role (change it in the console instead).
     */
    public Invited ensureAdministrator(String email) {
        String normalised = normalisedEmail(email);
        Account account = accounts.findByEmail(normalised).orElse(null);
        if (account == null) {
            account = Account.administrator(Ids.random("ac"), normalised, displayNameOf(normalised), null);
            account.created("command-line", clock.instant());
            accounts.insert(account);
        } else if (account.getRole() != AccountRole.ADMINISTRATOR) {
            throw new ChangeRefused("account.other-role", normalised, account.getRole().name());
        } else if (!account.isActive()) {
            account.setActive(true);
            accounts.save(account);
        }
        return new Invited(summary(account), invitations.issue(account.getId(), settings.invitationValidity()));
    }

    private void checkBinding(Scope scope, AccountRole role, String territoryId, String organisationId) {
        if (role == null) {
            throw new ChangeRefused("account.role");
        }
        AccountRole actor = switch (scope) {
            case Scope.National n -> AccountRole.ADMINISTRATOR;
            case Scope.OfTerritory t -> AccountRole.ANIMATEUR;
            case Scope.OfOrganisation o -> AccountRole.PROFESSIONAL;
            case Scope.Nowhere x -> null;
        };
        if (actor == null || !actor.mayGrant(role)) {
            throw new ChangeRefused("account.role-not-allowed", role.name());
        }
        switch (role) {
            case PROFESSIONAL -> {
                Organisation organisation = organisations.findById(organisationId == null ? "" : organisationId)
                        .filter(o -> OrganisationService.covers(scope, o))
                        .orElseThrow(() -> new ChangeRefused("account.organisation"));
                if (!organisation.isActive()) {
                    throw new ChangeRefused("account.organisation-inactive", organisation.getName());
                }
            }
            case ANIMATEUR -> {
                if (territoryId == null || !scope.coversTerritory(territoryId) || !territories.existsById(territoryId)) {
                    throw new ChangeRefused("account.territory");
                }
            }
            case ADMINISTRATOR -> { }
        }
    }

    private Account changeable(Scope scope, String actorId, String accountId) {
        Account account = covered(scope, accountId).orElseThrow(ChangeRefused::notFound);
        if (account.getId().equals(actorId)) {
            throw new ChangeRefused("account.self");
        }
        return account;
    }

    Optional<Account> covered(Scope scope, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return accounts.findById(accountId).filter(a -> covers(scope, a, territoryOf(a)));
    }

    /** Keeps each territory's list of animateurs in step with the accounts' roles. */
    private void syncAnimateurs(String was, Account after) {
        String now = animateurOf(after);
        if (was != null && !was.equals(now)) {
            territories.findById(was).ifPresent(t -> {
                List<String> ids = new ArrayList<>(t.getAnimateurIds());
                ids.remove(after.getId());
                t.setAnimateurIds(ids);
                territories.save(t);
            });
        }
        if (now != null && !now.equals(was)) {
            territories.findById(now).ifPresent(t -> {
                if (!t.getAnimateurIds().contains(after.getId())) {
                    List<String> ids = new ArrayList<>(t.getAnimateurIds());
                    ids.add(after.getId());
                    t.setAnimateurIds(ids);
                    territories.save(t);
                }
            });
        }
    }

    private static String animateurOf(Account account) {
        return account.getRole() == AccountRole.ANIMATEUR ? account.getTerritoryId() : null;
    }

    private String territoryOf(Account account) {
        return account.getOrganisationId() == null ? null
                : organisations.findById(account.getOrganisationId()).map(Organisation::getTerritoryId).orElse(null);
    }

    /**
     * An administrator covers every account; an animateur the animateurs of the territory and the
     * professionals of its organisations, never an administrator; a professional those of the organisation.
     */
    static boolean covers(Scope scope, Account account, String organisationTerritoryId) {
        return switch (scope) {
            case Scope.National n -> true;
            case Scope.OfTerritory t -> switch (account.getRole()) {
                case ANIMATEUR -> t.territoryId().equals(account.getTerritoryId());
                case PROFESSIONAL -> t.territoryId().equals(organisationTerritoryId);
                case ADMINISTRATOR -> false;
            };
            case Scope.OfOrganisation o -> account.getRole() == AccountRole.PROFESSIONAL
                    && o.organisationId().equals(account.getOrganisationId());
            case Scope.Nowhere x -> false;
        };
    }

    static String normalisedEmail(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            throw new ChangeRefused("account.email", email == null ? "" : email.strip());
        }
        return normalised;
    }

    private static String displayNameOf(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    private Map<String, String> organisationTerritories(List<Account> list) {
        var ids = list.stream().map(Account::getOrganisationId).filter(id -> id != null).distinct().toList();
        return organisations.findAllById(ids).stream().filter(o -> o.getTerritoryId() != null)
                .collect(Collectors.toMap(Organisation::getId, Organisation::getTerritoryId, (a, b) -> a));
    }

    private AccountSummary summary(Account a) {
        return summary(a, organisationTerritories(List.of(a)));
    }

    private static AccountSummary summary(Account a, Map<String, String> territoryOfOrganisation) {
        String territoryId = a.getRole() == AccountRole.PROFESSIONAL ? territoryOfOrganisation.get(a.getOrganisationId())
                : a.getTerritoryId();
        return new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), territoryId,
                a.getOrganisationId(), a.isActive(), a.getPasswordHash() != null, a.getLastLoginAt());
    }
}
