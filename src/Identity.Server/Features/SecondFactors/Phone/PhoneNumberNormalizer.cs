using PhoneNumbers;

namespace Identity.Server.Features.SecondFactors.Phone;

public enum PhoneNumberProblem
{
    None,
    Invalid,
    NotMobile,
}

/// <summary>Turns what a person typed into an E.164 mobile number with libphonenumber, or says why it cannot.</summary>
public static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="input">As typed: <c>06 1234 5678</c>, <c>+31 6 12345678</c>, <c>0031612345678</c>.</param>
    /// <param name="defaultRegion">The region assumed when the number has no country code.</param>
    public static (MobileNumber? Number, PhoneNumberProblem Problem) Normalize(string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return (null, PhoneNumberProblem.Invalid);
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(input, defaultRegion);
        }
        catch (NumberParseException)
        {
            return (null, PhoneNumberProblem.Invalid);
        }

        if (!Util.IsValidNumber(parsed))
        {
            return (null, PhoneNumberProblem.Invalid);
        }

        // Codes go by text message; a landline or premium-rate number would only cost money (toll fraud).
        var type = Util.GetNumberType(parsed);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return (null, PhoneNumberProblem.NotMobile);
        }

        return (new MobileNumber(Util.Format(parsed, PhoneNumberFormat.E164)), PhoneNumberProblem.None);
    }
}
