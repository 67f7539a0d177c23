using 'main.bicep'

// Example parameters for one council's deployment; copy and edit.
param name = 'pbot-council'
param appServiceSku = 'B1'
param instanceCount = 1
// PostgreSQL (private, Entra-only) is the Azure default; its administrator is a group of DBAs.
param usePostgres = true
param postgresEntraAdminObjectId = '<object id of the DBA group>'
param postgresEntraAdminName = '<display name of the DBA group>'
// Your CI runner's or your own public address, to deploy the code and set the register key; empty closes both.
param deployAllowedIpRanges = []
param adminObjectIds = []
param organizerMailbox = ''
