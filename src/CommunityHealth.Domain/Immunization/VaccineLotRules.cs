namespace CommunityHealth.Domain.Immunization;

/// <summary>Why a lot cannot supply a dose.</summary>
public enum LotProblem { None, OtherVaccine, Expired, Empty }

/// <summary>
/// Vaccine stock rules (疫苗储存和运输管理规范 2017; 预防接种工作规范 2023 年版): a dose comes from a lot of the same
/// vaccine, unexpired on the day it is given and with doses on hand; an expired lot is not received; the balance never
/// goes below zero. The 30-day expiry warning is this project's choice (the texts ask for "近效期" checks without a number).
/// </summary>
public static class VaccineLotRules
{
    public const int ExpiryWarningDays = 30;

    /// <summary>The largest receipt or adjustment accepted in one movement.</summary>
    public const int MaxQuantity = 100_000;

    public static bool Expired(DateOnly expiry, DateOnly today) => expiry < today;

    public static bool ExpiresSoon(DateOnly expiry, DateOnly today) => expiry >= today && expiry <= today.AddDays(ExpiryWarningDays);

    /// <summary>
    /// Whether a lot can supply a dose of <paramref name="vaccine"/> (unknown: not compared) given on <paramref name="givenOn"/>,
    /// when the visit takes <paramref name="dosesFromLot"/> doses from it. Checked in this order.
    /// </summary>
    public static LotProblem ForDose(string lotVaccine, DateOnly expiry, int dosesOnHand, string? vaccine, DateOnly givenOn, int dosesFromLot) =>
        vaccine is not null && lotVaccine != vaccine ? LotProblem.OtherVaccine
        : expiry < givenOn ? LotProblem.Expired
        : dosesOnHand < dosesFromLot ? LotProblem.Empty
        : LotProblem.None;

    /// <summary>Whether a lot can supply one dose of <paramref name="vaccine"/> today: the form proposes a lot only when one is.</summary>
    public static bool Usable(string lotVaccine, DateOnly expiry, int dosesOnHand, string? vaccine, DateOnly today) =>
        vaccine is not null && ForDose(lotVaccine, expiry, dosesOnHand, vaccine, today, 1) == LotProblem.None;

    /// <summary>A receipt of 1 to 100,000 doses.</summary>
    public static bool ValidReceipt(int? doses) => doses is > 0 and <= MaxQuantity;

    /// <summary>An adjustment of a non-zero quantity up to 100,000 either way.</summary>
    public static bool ValidAdjustment(int? quantity) => quantity is not (null or 0) && Math.Abs(quantity.Value) <= MaxQuantity;

    /// <summary>The balance after an adjustment stays at zero or above.</summary>
    public static bool KeepsStock(int dosesOnHand, int quantity) => dosesOnHand + quantity >= 0;
}
