namespace Identity.Server.Features.SecondFactors.Phone;

/// <summary>A mobile number in E.164 form (<c>+31612345678</c>). Personal data: it prints masked.</summary>
public sealed record MobileNumber(string E164)
{
    public override string ToString() => PhoneMask.ForLog(E164);
}
