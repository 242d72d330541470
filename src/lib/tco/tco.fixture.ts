/**
 * The small TCO scenario worked on paper in tco.test.ts (every expected figure there is computed
 * by hand from these inputs). Shared by the model, view and sensitivity tests.
 */
import type { MediumInputs, ScenarioInputs, TcoInputs } from './tco.ts';

export const SCENARIO: ScenarioInputs = {
  capacityTB: 1000,
  years: 6,
  requiredGBps: 0,
  dutyIdle: 0.5,
  dutyRead: 0.5,
  dutyWrite: 0,
  pricePerKWh: 0.1,
  pue: 1.5,
  energyEscalation: 0,
  rackU: 40,
  rackKW: 10,
  rackMonthPrice: 100,
};

export const HDD: MediumInputs = {
  driveTB: 20,
  pricePerTB: 10,
  driveGBps: 0.25,
  wattsIdle: 4,
  wattsRead: 10,
  wattsWrite: 6,
  drivesPerNode: 25,
  nodePrice: 2000,
  nodeWatts: 200,
  nodeU: 4,
  afr: 0.02,
  replaceCost: 100,
  replaceDriveShare: 0,
  serviceLifeYears: 3,
  dataReduction: 1,
  protectionOverhead: 1.5,
  maxFill: 0.75,
};

export const SSD: MediumInputs = {
  driveTB: 50,
  pricePerTB: 40,
  driveGBps: 5,
  wattsIdle: 5,
  wattsRead: 15,
  wattsWrite: 20,
  drivesPerNode: 20,
  nodePrice: 5000,
  nodeWatts: 300,
  nodeU: 2,
  afr: 0.01,
  replaceCost: 500,
  replaceDriveShare: 0,
  serviceLifeYears: 6,
  dataReduction: 2,
  protectionOverhead: 1.5,
  maxFill: 0.75,
};

export const BASE: TcoInputs = { scenario: SCENARIO, hdd: HDD, ssd: SSD };
