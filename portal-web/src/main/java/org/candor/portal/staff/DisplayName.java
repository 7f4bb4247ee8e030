package org.candor.portal.staff;

/** How a staff member's name is shown to colleagues and in the audit log: 1 to 200 characters. */
public record DisplayName(String value) {

    public DisplayName {
        if (value == null || value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidStaffInput("staff.displayName.invalid");
        }
        value = value.strip();
    }
}
