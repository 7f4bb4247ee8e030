/**
 * The shared core of a case: the aggregate ({@link org.candor.portal.casefile.CaseFile}) with its
 * status machine and legal deadlines, its sealed items, its repository, and the reply-code
 * handles that find a case; used by the intake, contact, desk and oversight features alike.
 *
 * <p>This package is the only one that reads and writes the case tables ({@code case_file},
 * {@code case_item}, {@code case_recipient}): single cases through {@link
 * org.candor.portal.casefile.CaseRepository}, and the bulk reads other features need through
 * small query objects named after what they read: the desk's case list ({@link
 * org.candor.portal.casefile.CaseListQuery}, its SQL in {@link org.candor.portal.casefile.CaseListSql}),
 * what retention reads of cases ({@link org.candor.portal.casefile.CaseRetentionQuery}), a case's
 * removal and the blobs items name ({@link org.candor.portal.casefile.CaseRemoval}), and the
 * contents-free facts the transparency figures count ({@link org.candor.portal.casefile.CaseFactsQuery}),
 * which cases the desk's search indexes must take or lose ({@link
 * org.candor.portal.casefile.CaseIndexQuery}), and oversight's list of appealed cases ({@link
 * org.candor.portal.casefile.AppealedCasesQuery}).
 * Values from native queries are read with {@link org.candor.portal.platform.persistence.JdbcValues}.
 *
 * <p>Only workflow metadata lives here (status, coarse dates); report contents are ciphertext
 * handled by the features, never fields of these types.
 */
package org.candor.portal.casefile;
