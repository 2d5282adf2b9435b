namespace Identity.ClusterTests.Infrastructure;

/// <summary>The clients and accounts the cluster tests import, in the import file format.</summary>
public static class ClusterData
{
    public const string Phone = "+31612345678";

    /// <summary>The public code-flow client <c>web</c> (as OidcFlow expects) and the confidential
    /// client-credentials client <c>service</c>.</summary>
    public static string Clients => $$"""
        {
          "scopes": [ { "name": "api", "displayName": "Example API", "resources": ["api"] } ],
          "clients": [
            { "clientId": "web", "displayName": "Web app", "redirectUris": ["https://client.example/callback"],
              "grantTypes": ["authorization_code", "refresh_token"],
              "scopes": ["openid", "profile", "email", "offline_access", "api"], "consent": "implicit" },
            { "clientId": "service", "clientSecret": "{{Cluster.ServiceSecret}}", "displayName": "Service",
              "grantTypes": ["client_credentials"], "scopes": ["api"] }
          ]
        }
        """;

    /// <summary>Accounts with a confirmed phone and text-message two-step verification.</summary>
    public static string UsersWithSms(string phone, params string[] emails) =>
        "{ \"users\": [" + string.Join(",", emails.Select(email => $$"""
            { "email": "{{email}}", "password": "{{IntegrationTests.Infrastructure.TestData.Password}}", "emailConfirmed": true,
              "phoneNumber": "{{phone}}", "phoneNumberConfirmed": true, "twoFactorEnabled": true, "twoFactorMethod": "sms" }
            """)) + "] }";
}
