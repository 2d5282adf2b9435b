namespace Identity.Server.Features.NewDevice;

/// <summary>When a correct password must be followed by a one-time code. Ordered from weakest to strictest.</summary>
public enum NewDevicePolicy
{
    /// <summary>Never, unless the account's own two-step verification asks.</summary>
    Off = 0,

    /// <summary>From a browser the account has not passed a challenge on before.</summary>
    NewDevice = 1,

    /// <summary>At every sign-in.</summary>
    Always = 2,
}
