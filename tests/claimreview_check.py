#!/usr/bin/env python3
# Checks ClaimReview JSON-LD on standard input (claimcheck compare --format claimreview):
# every review has the required and recommended properties, with the ratings in range and
# claimReviewed under 75 characters. Prints "PASS N reviews" or a FAIL line per problem.
import json
import sys

reviews = json.load(sys.stdin)
problems = []
if not isinstance(reviews, list) or not reviews:
    problems.append("expected a non-empty array of ClaimReview objects")
    reviews = []
for n, r in enumerate(reviews, 1):
    def need(cond, what):
        if not cond:
            problems.append(f"review {n}: {what}")
    need(r.get("@context") == "https://schema.org", "@context")
    need(r.get("@type") == "ClaimReview", "@type")
    need(isinstance(r.get("claimReviewed"), str) and 0 < len(r["claimReviewed"]) < 75,
         "claimReviewed under 75 characters")
    need(r.get("url", "").startswith("https://example.org/check#finding-"), "url")
    need(isinstance(r.get("datePublished"), str) and len(r["datePublished"]) == 10, "datePublished")
    need(r.get("author", {}).get("name") == "Desk", "author (--reviewer)")
    item = r.get("itemReviewed", {})
    need(item.get("@type") == "Claim", "itemReviewed @type Claim")
    need(bool(item.get("author", {}).get("name")), "itemReviewed.author.name")
    need(bool(item.get("datePublished")), "itemReviewed.datePublished")
    need(bool(item.get("appearance")) and bool(item.get("firstAppearance", {}).get("name")),
         "itemReviewed appearance and firstAppearance")
    rating = r.get("reviewRating", {})
    need(rating.get("@type") == "Rating", "reviewRating @type")
    need(rating.get("bestRating") == 5 and rating.get("worstRating") == 1, "best and worst rating")
    need(isinstance(rating.get("ratingValue"), int) and 1 <= rating["ratingValue"] <= 5, "ratingValue")
    need(bool(rating.get("alternateName")), "alternateName")
for p in problems:
    print("FAIL", p)
if not problems:
    print(f"PASS {len(reviews)} reviews")
