import Testing
import Explorer

@Suite struct KeyTableTests {
    @Test func everyActionHasAKey() {
        for action in ExplorerAction.allCases {
            #expect(KeyTable.binding(for: action) != nil, "no key for \(action)")
        }
    }

    @Test func noKeyIsBoundTwice() {
        var seen: [Key: ExplorerAction] = [:]
        for binding in KeyTable.bindings {
            for key in binding.keys {
                #expect(seen[key] == nil, "\(key) bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.action)")
                seen[key] = binding.action
            }
        }
    }

    @Test func everyKeyLooksUpItsAction() {
        for binding in KeyTable.bindings {
            for key in binding.keys {
                #expect(KeyTable.action(for: key) == binding.action)
            }
        }
    }

    @Test func markdownListsEveryBinding() {
        let markdown = KeyTable.markdown
        for binding in KeyTable.bindings {
            #expect(markdown.contains("`\(binding.label)`"))
            #expect(markdown.contains(binding.summary))
        }
    }

    @Test func ladderWalksUpAndDown() {
        #expect(SettingLadders.next(after: 50, in: SettingLadders.steps) == 100)
        #expect(SettingLadders.previous(before: 50, in: SettingLadders.steps) == 20)
        #expect(SettingLadders.next(after: 1000, in: SettingLadders.steps) == 1000)
        #expect(SettingLadders.previous(before: 1, in: SettingLadders.steps) == 1)
        #expect(SettingLadders.previous(before: 7, in: SettingLadders.steps) == 5)
    }
}

@Suite struct LessonTests {
    @Test func atLeastThreeLessonsEachWithTextAndSettings() {
        #expect(Lesson.all.count >= 3)
        for lesson in Lesson.all {
            #expect(!lesson.pages.isEmpty)
            for page in lesson.pages {
                #expect(page.text.count > 80, "\(page.heading) needs a real paragraph")
                #expect(page.left.steps != nil && page.left.eta != nil)
            }
        }
    }

    @Test func presetsApplyOnlyTheirFields() {
        let merged = SettingsPreset(steps: 50, eta: 0).merging(SettingsPreset(eta: 1))
        #expect(merged.steps == 50 && merged.eta == 1)
        var settings = RunSettings()
        settings.seed = 9
        let applied = SettingsPreset(steps: 10, largeVariance: true, zeroSNR: true).applied(to: settings)
        #expect(applied.steps == 10 && applied.seed == 9)
        #expect(applied.configuration.varianceKind == .largeSigmaHat && applied.configuration.rescaleBetasZeroSnr)
    }
}
