// How a front end uses the generated shapes; the compiler holds each line to the zoo's types.
import { Mood, MoodEnum, type NewKeeper, type NewSpecimen, type SpecimenUpdate, type With, type Keeper } from "./zoo.types";

// Insert: generated and defaulted columns may be left out; the rest must be there.
export const newSpecimen: NewSpecimen = {
  label: "Okapi",
  initial: "O",
  alive: true,
  legs: 4,
  sightings: "12345678901234567890",
  population: 12,
  temperature: 38.5,
  longitude: 28.4,
  ratio: 0.25,
  weight: "250.5",
  tracker: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  seenAt: "2024-05-01T10:30:00Z",
  localTime: "2024-05-01T12:30:00",
  born: "2019-03-14",
  feedingTime: "09:15:00",
  lifespan: "1.00:00:00",
  photo: "AQID",
  measurements: [1, 2],
  names: [],
  attributes: { origin: "Congo", note: null },
  mood: Mood.Curious,
  namedMood: MoodEnum.Grumpy,
  kind: 0,
  traits: 3,
  moodHistory: [Mood.Calm],
  "zoo-code": "OK-1",
  keeperId: 7,
  habitat: { region: "Ituri" },
};

// @ts-expect-error a generated-always identity is not written on insert
export const keeperWithId: NewKeeper = { id: 1, name: "Ada" };

// @ts-expect-error a required column cannot be left out
export const keeperWithoutName: NewKeeper = {};

// Update: the key and the concurrency token (xmin) are required, the rest optional.
export const rename: SpecimenUpdate = { id: 1, version: 42, label: "Okapi johnstoni" };

// @ts-expect-error the concurrency token is required on update
export const withoutVersion: SpecimenUpdate = { id: 1, label: "x" };

// exactOptionalPropertyTypes: an optional member is left out, not set to undefined.
// @ts-expect-error undefined is not a value of an optional member
export const undefinedLabel: SpecimenUpdate = { id: 1, version: 42, label: undefined };

// Relations: With<"Keeper", "specimens"> is a Keeper whose specimens were loaded.
export function countSpecimens(keeper: With<"Keeper", "specimens">): number {
  return keeper.specimens.length;
}

export const bare: Keeper = { id: 1, name: "Ada" };
// @ts-expect-error specimens were not included
countSpecimens(bare);
