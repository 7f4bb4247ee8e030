/**
 * Budgets that the instances sharing one PostgreSQL database count together
 * ({@link org.candor.portal.platform.budget.SharedBudgets}), so that a limit that protects
 * everyone means the same with one instance or several.
 */
package org.candor.portal.platform.budget;
