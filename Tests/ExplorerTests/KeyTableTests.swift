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
