package org.candor.portal.staff;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person who works in the portal: an administrator, investigator or oversight member. */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_on", nullable = false)
    private LocalDate createdOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected StaffMember() {
        // for JPA
    }

    public StaffMember(Username username, DisplayName displayName, PasswordHash passwordHash, Role role, LocalDate createdOn) {
        this.id = UUID.randomUUID();
        this.username = username.value();
        this.displayName = displayName.value();
        this.passwordHash = passwordHash.encoded();
        this.enabled = true;
        this.createdOn = Objects.requireNonNull(createdOn);
        this.roles.add(Objects.requireNonNull(role));
    }

    public UUID id() {
        return id;
    }

    public Username username() {
        return new Username(username);
    }

    public DisplayName displayName() {
        return new DisplayName(displayName);
    }

    public PasswordHash passwordHash() {
        return PasswordHash.parse(passwordHash);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + ", " + roles + "]";
    }
}
