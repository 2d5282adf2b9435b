using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Import;

/// <summary>Import files as an operator would write them (comments and trailing commas included).</summary>
public static class ImportFiles
{
    public const string WebRedirectUri = "http://127.0.0.1:7001/callback";
    public const string ServiceSecret = "service-secret-of-enough-length";
    public const string AuthenticatorKey = "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP";

    /// <summary>One API scope, a public web client, a confidential service client and one administrator.</summary>
    public static string Sample(
        string webDisplayName = "Web app",
        string webRedirectUri = WebRedirectUri,
        string userDisplayName = "Alice",
        string password = TestData.Password) => $$"""
        {
          // The API the clients call.
          "scopes": [ { "name": "api", "displayName": "Example API", "description": "Calls the example API", "resources": ["api"] } ],
          "clients": [
            { "clientId": "web", "clientSecret": null, "displayName": "{{webDisplayName}}",
              "redirectUris": ["{{webRedirectUri}}"],
              "postLogoutRedirectUris": ["http://127.0.0.1:7001/"],
              "grantTypes": ["authorization_code", "refresh_token"],
              "scopes": ["openid", "profile", "email", "phone", "roles", "offline_access", "api"],
              "consent": "implicit" },
            { "clientId": "service", "clientSecret": "{{ServiceSecret}}", "displayName": "Back-end service",
              "grantTypes": ["client_credentials"], "scopes": ["api"], },
          ],
          "users": [
            { "email": "alice@example.com", "password": "{{password}}", "emailConfirmed": true, "displayName": "{{userDisplayName}}",
              "phoneNumber": "+31612345678", "phoneNumberConfirmed": true, "roles": ["admin"] },
          ],
        }
        """;
}
