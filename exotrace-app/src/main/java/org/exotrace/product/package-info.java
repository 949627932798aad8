/**
 * The product catalogue: what a lot is made as (form, intended use, the consent scopes and source
 * types it needs, its ampoule volume and shelf life). Split from the batch module when that module
 * grew past what a newcomer reads in one sitting; its table stays in the batch module's migrations,
 * where it was created.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"donor", "shared"})
package org.exotrace.product;
